/** A JSON body as tests read it: fields are unknown until asserted; API errors have a known shape. */
export type ResponseData = Record<string, unknown> & {
  error: { code: string; message: string; details?: unknown };
};

/** A tiny browser-like HTTP client for tests: keeps cookies and sends the Origin header as a browser does. */
export class TestClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    pathname: string,
    options: {
      json?: unknown;
      body?: BodyInit;
      headers?: Record<string, string>;
      redirect?: RequestRedirect;
    } = {},
  ) {
    const headers: Record<string, string> = { origin: this.baseUrl, ...options.headers };
    if (this.cookies.size > 0) headers.cookie = this.cookieHeader();
    let body = options.body;
    if (options.json !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.json);
    }
    const response = await fetch(new URL(pathname, this.baseUrl), {
      method,
      headers,
      body,
      redirect: options.redirect ?? "manual",
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (name) {
        const value = rest.join("=");
        if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name.trim());
        else this.cookies.set(name.trim(), value);
      }
    }
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return {
      status: response.status,
      headers: response.headers,
      data: data as ResponseData,
    };
  }

  get(pathname: string) {
    return this.request("GET", pathname);
  }

  post(pathname: string, json?: unknown) {
    return this.request("POST", pathname, { json: json ?? {} });
  }

  patch(pathname: string, json: unknown) {
    return this.request("PATCH", pathname, { json });
  }

  delete(pathname: string) {
    return this.request("DELETE", pathname);
  }

  /** Uploads one file as multipart/form-data, as a browser form would. */
  upload(pathname: string, fileName: string, bytes: Uint8Array | string) {
    const form = new FormData();
    form.append("file", new Blob([typeof bytes === "string" ? bytes : Buffer.from(bytes)]), fileName);
    return this.request("POST", pathname, { body: form });
  }

  /** The Cookie header this client would send. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  forgetCookies() {
    this.cookies.clear();
  }
}
