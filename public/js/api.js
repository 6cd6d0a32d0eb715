/**
 * The JSON API client. Errors come back as application/problem+json {title, detail, status};
 * they are thrown as ApiError so views can show what went wrong. Network failures and
 * non-JSON answers become ApiError too, with an Arabic explanation.
 */

export class ApiError extends Error {
  constructor(title, detail, status, { code = '', hint = '', position } = {}) {
    super(detail || title);
    this.title = title;
    this.detail = detail;
    this.status = status;
    this.code = code;
    this.hint = hint;
    this.position = position;
  }
}

/** Arabic titles for the API's stable problem codes (its own titles are English). */
const CODE_TITLES = {
  query_syntax: 'في صيغة البحث خطأ',
  validation: 'مدخلات غير صالحة',
  bad_request: 'طلب غير صالح',
  bad_encoding: 'رابط غير سليم الترميز',
  not_found: 'غير موجود',
  rate_limited: 'طلبات كثيرة في وقت قصير، انتظر قليلاً ثم أعد المحاولة',
  not_ready: 'الفهرس قيد التحميل، أعد المحاولة بعد لحظات',
  internal: 'خطأ داخلي في الخادم',
};

/** GET /api/<path> with query params (arrays become repeated keys; empty values are left out). */
export async function apiGet(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (v !== undefined && v !== null && v !== '') query.append(key, String(v));
    }
  }
  const qs = query.toString();
  let response;
  try {
    response = await fetch(`/api/${path}${qs ? `?${qs}` : ''}`, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError('تعذّر الاتصال بالخادم', 'تحقق من اتصالك بالشبكة ثم أعد المحاولة.', 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
  }
  if (!response.ok) {
    const code = typeof body?.code === 'string' ? body.code : '';
    throw new ApiError(
      CODE_TITLES[code] || statusTitle(response.status),
      typeof body?.detail === 'string' ? body.detail : '',
      response.status,
      { code, hint: typeof body?.hint === 'string' ? body.hint : '', position: Number.isInteger(body?.position) ? body.position : undefined },
    );
  }
  if (body === null) throw new ApiError('ردّ غير مفهوم من الخادم', 'لم يكن الردّ بصيغة JSON.', response.status);
  return body;
}

function statusTitle(status) {
  if (status === 404) return 'غير موجود';
  if (status === 429) return 'طلبات كثيرة في وقت قصير، انتظر قليلاً ثم أعد المحاولة';
  if (status >= 500) return 'خطأ في الخادم';
  return 'طلب غير صالح';
}

export const isAbort = (err) => err?.name === 'AbortError';
