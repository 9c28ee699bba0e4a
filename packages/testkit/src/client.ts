import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<TData> {
  status: number;
  data: TData | null | undefined;
  errors: GraphQLFormattedError[] | undefined;
  headers: Headers;
}

export interface RequestOptions {
  token?: string | null;
  headers?: Record<string, string>;
}

/** A small typed GraphQL-over-HTTP client: POST JSON, read status, data and errors. */
export interface GraphQLClient {
  readonly url: string;
  request<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<TData>>;
  /** Like request, but throws with the errors when there are any: for steps that must succeed. */
  data<TData = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<TData>;
}

export function createClient(url: string, defaults: RequestOptions = {}): GraphQLClient {
  const request: GraphQLClient['request'] = async (query, variables, options = {}) => {
    const token = options.token === undefined ? defaults.token : options.token;
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...defaults.headers,
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: unknown; errors?: GraphQLFormattedError[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`Expected JSON from ${url}, got HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
    return { status: response.status, data: body.data as never, errors: body.errors, headers: response.headers };
  };
  return {
    url,
    request,
    async data(query, variables, options) {
      const result = await request(query, variables, options);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as never;
    },
  };
}

/** The codes of a response's errors, for assertions like `expect(codes(r)).toEqual(['FORBIDDEN'])`. */
export function errorCodes(response: { errors?: readonly GraphQLFormattedError[] }): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}
