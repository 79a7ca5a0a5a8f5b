using System.Net;

namespace Reseller.Web.Api;

/// <summary>What one call to the API answered: the value on success, otherwise its problem, status and Retry-After.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, ApiProblem? Problem, TimeSpan? RetryAfter)
{
    public bool Succeeded => (int)Status is >= 200 and < 300;

    /// <summary>The session's token is no longer accepted (expired or ended): the user signs in again.</summary>
    public bool SessionEnded => Status == HttpStatusCode.Unauthorized;
}
