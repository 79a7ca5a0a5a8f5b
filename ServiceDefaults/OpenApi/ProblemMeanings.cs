namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>What each problem status means anywhere in this API, for responses that name only their status.</summary>
public static class ProblemMeanings
{
    private static readonly Dictionary<int, string> ByStatus = new()
    {
        [400] = "The request is malformed, or a field breaks its rule: `errors` names each field with its messages.",
        [401] = "No credential, or one that is invalid, expired or ended; for a login, a wrong user or password (the same answer for both).",
        [403] = "The credential is valid but may not do this (its role, an account user outside its own account, or an account not in service).",
        [404] = "No such resource, or it belongs to another partner (never revealed).",
        [406] = "The `Accept` header asks for a format this resource is not offered in.",
        [409] = "The resource's state forbids this, or it was changed by another request at the same time.",
        [410] = "The one-time link was already used, replaced by a newer one, or has expired: ask for a new one.",
        [413] = "The body is larger than the service accepts (1 MiB; account defaults with templates more).",
        [422] = "A business rule refuses the request: `type` names the rule.",
        [423] = "Locked out after five wrong passwords in a row: retry after `Retry-After` seconds.",
    };

    public static string? For(int status) => ByStatus.GetValueOrDefault(status);
}
