// The user module's Korean messages (api spec §2), keyed by code.
export const USER_MESSAGES = {
  notAuthenticated: 'Not authenticated',
  emptyToken: '인증 토큰이 필요합니다.',
  expired: '인증 토큰이 만료되었습니다. 다시 로그인해주세요.',
  invalid: '유효하지 않은 인증 토큰입니다. 다시 로그인해주세요.',
  loggedOut: '로그아웃된 토큰입니다. 다시 로그인해주세요.',
  noSubject: '토큰에 사용자 정보가 없습니다.',
  badSubject: '토큰의 사용자 ID가 유효하지 않습니다.',
  noUser: '사용자을(를) 찾을 수 없습니다.',
  dbDown: '데이터베이스 연결에 문제가 발생했습니다. 잠시 후 다시 시도해주세요.',
  badLogin: '이메일 또는 비밀번호가 올바르지 않습니다.',
  duplicateEmail: '이미 가입된 이메일입니다.',
  emailTaken: '이미 존재하는 아이디입니다.',
  emailFree: '사용 가능한 아이디입니다.',
  loggedOutOk: '로그아웃이 완료되었습니다.',
  logoutNotPublished: '로그아웃 처리를 완료하지 못했습니다. 잠시 후 다시 시도해주세요.',
} as const;
