import { request as httpRequest } from 'node:http';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; retryAfter?: number } }[];
  raw: string;
}

/** The code of a response's first error, if it has one. */
export const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;

/**
 * A GraphQL client over real HTTP that keeps its own session cookie, like one browser. Uses
 * node:http so tests can send headers fetch forbids (X-Forwarded-For, Cookie).
 */
export class GraphQLClient {
  cookie: string | null = null;

  constructor(
    private readonly url: string,
    private readonly defaultHeaders: Record<string, string> = {},
  ) {}

  async query<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    return this.send<T>({ query, variables }, headers);
  }

  async send<T = Record<string, any>>(body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const payload = JSON.stringify(body);
    const response = await new Promise<{ status: number; headers: GraphQLResponse['headers']; text: string }>((resolve, reject) => {
      const request = httpRequest(
        new URL('/graphql', this.url),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'x-graphql-csrf': '1',
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...this.defaultHeaders,
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString() }));
          res.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
    this.rememberCookie(response.headers['set-cookie']);
    const parsed = response.text ? (JSON.parse(response.text) as Omit<GraphQLResponse<T>, 'status' | 'headers' | 'raw'>) : {};
    return { status: response.status, headers: response.headers, raw: response.text, ...parsed };
  }

  private rememberCookie(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const [, value] = pair.split('=');
      this.cookie = value ? pair : null;
    }
  }
}
