import { Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode, ProcessingError, ServiceUnavailableError, ValidationError } from './domain-error';

/** The one place domain errors become GraphQL errors: `extensions.code`, plus `field` for bad input. */
export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: error.code };
  switch (error.code) {
    case ErrorCode.BadUserInput:
      extensions['field'] = (error as ValidationError).field;
      break;
    case ErrorCode.ProcessingFailed:
      extensions['failure'] = (error as ProcessingError).failure;
      break;
    case ErrorCode.ServiceUnavailable:
      extensions['dependency'] = (error as ServiceUnavailableError).dependency;
      break;
    case ErrorCode.NotFound:
    case ErrorCode.InsufficientStorage:
    case ErrorCode.Internal:
      break;
    default: {
      const unmapped: never = error.code;
      throw new Error(`Unmapped error code ${unmapped}`);
    }
  }
  return new GraphQLError(error.message, { extensions });
}

/** Domain errors are expected outcomes: mapped here, and not logged as server errors. */
@Catch(DomainError)
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): GraphQLError {
    return toGraphQLError(error);
  }
}
