// One error type per meaning, each carrying the contract's status and FastAPI-style `detail` text.
import type { ValidationItem } from './validation.js';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export class BadRequestError extends HttpError {
  constructor(detail = '잘못된 요청입니다.') {
    super(400, detail);
  }
}

export class UnauthorizedError extends HttpError {
  constructor(detail = '인증이 필요합니다. 로그인 후 다시 시도해주세요.') {
    super(401, detail, { 'www-authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends HttpError {
  constructor(action = '해당 작업') {
    super(403, `${action}을(를) 수행할 권한이 없습니다.`);
  }
}

/** A 404 with the contract's text for the missing resource (e.g. `상품이 존재하지 않습니다.`). */
export class NotFoundError extends HttpError {
  constructor(detail: string) {
    super(404, detail);
  }
}

export class ConflictError extends HttpError {
  constructor(detail = '이미 존재하는 항목입니다.') {
    super(409, detail);
  }
}

export class RateLimitedError extends HttpError {
  constructor(retryAfterSeconds = 60) {
    super(429, `요청이 너무 많습니다. ${retryAfterSeconds}초 후에 다시 시도해주세요.`, { 'retry-after': String(retryAfterSeconds) });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(detail = '현재 서비스를 이용할 수 없습니다. 잠시 후 다시 시도해주세요.') {
    super(503, detail);
  }
}

/** A 422 in FastAPI's list form, for checks a JSON schema cannot express (e.g. a parseable datetime). */
export class RequestValidationError extends Error {
  constructor(readonly items: ValidationItem[]) {
    super('request validation failed');
  }
}

export const INTERNAL_ERROR_DETAIL = '서버 내부 오류가 발생했습니다.';
