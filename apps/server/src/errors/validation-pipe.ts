import { ArgumentMetadata, ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { ValidationError } from './domain-error';

/** The first failed constraint of the deepest failing property, as a ValidationError naming that field. */
export function toValidationError(errors: ClassValidatorError[]): ValidationError {
  let error = errors[0];
  while (!error.constraints && error.children?.length) error = error.children[0];
  const message = Object.values(error.constraints ?? {})[0] ?? 'Invalid input';
  return new ValidationError(error.property, message);
}

/** Validates every @Args input class with class-validator and reports failures as BAD_USER_INPUT. */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: false, exceptionFactory: toValidationError });
  }

  // An Upload argument is a promise of a file stream: nothing to validate, and transforming it would break it.
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return metadata.metatype !== Promise && super.toValidate(metadata);
  }
}
