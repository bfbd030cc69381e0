// A benchmark scenario: one HTTP request shape that autocannon repeats.
export interface Scenario {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What a scenario module gets to prepare its data: the base URL of a running server and a logged-in token. */
export interface BenchEnv {
  baseUrl: string;
  token: string;
  email: string;
  password: string;
}
