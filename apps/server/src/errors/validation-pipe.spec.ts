import { UploadOptionsInput } from '../upload/dto/upload-options.input';
import { ValidationError } from './domain-error';
import { InputValidationPipe } from './validation-pipe';

describe('InputValidationPipe', () => {
  const pipe = new InputValidationPipe();
  const validate = (value: unknown) => pipe.transform(value, { type: 'body', metatype: UploadOptionsInput });
  const valid = { resolutions: [720, 360], segmentDuration: 4 };

  it.each([
    [{ ...valid, resolutions: [] }, 'resolutions', 'Choose at least one resolution'],
    [{ ...valid, resolutions: [720, 1000] }, 'resolutions', 'Each resolution must be one of 2160, 1440, 1080, 720, 480, 360, 240, 144'],
    [{ ...valid, resolutions: Array(9).fill(720) }, 'resolutions', 'Choose at most 8 resolutions'],
    [{ ...valid, segmentDuration: 0.99 }, 'segmentDuration', 'Segment duration must be at least 1 s'],
    [{ ...valid, segmentDuration: 30.5 }, 'segmentDuration', 'Segment duration must be at most 30 s'],
    [{ ...valid, title: 'x'.repeat(201) }, 'title', 'Title must be at most 200 characters'],
  ])('rejects %j naming %s', async (input, field, message) => {
    const error = await validate(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, message });
  });

  it.each([valid, { ...valid, segmentDuration: 1 }, { ...valid, segmentDuration: 30, title: 'Holiday' }])('accepts %j', async (input) => {
    await expect(validate(input)).resolves.toMatchObject(input);
  });

  it('leaves an Upload promise untouched', async () => {
    const file = Promise.resolve({ filename: 'a.mp4' });
    // transforming it would throw "Promise resolver undefined is not a function"
    await expect(pipe.transform(file, { type: 'custom', metatype: Promise })).resolves.toEqual({ filename: 'a.mp4' });
  });
});
