namespace Reseller.ServiceDefaults.OpenApi;

/// <summary>What each parameter name means wherever it appears, so every operation describes its parameters alike.</summary>
public static class ParameterDescriptions
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "The resource's id, as the API gave it (with its type prefix, e.g. `acc_…`).",
        ["account_id"] = "An account's id (`acc_…`).",
        ["userId"] = "A user's id, as the user list gave it.",
        ["invitationId"] = "An invitation's id, as the invitation gave it.",
        ["kind"] = "The kind of credit: `prepaid`, `sms` or `compatibility`.",
        ["page_size"] = "How many items a page holds: 1 to 200, 50 by default.",
        ["page_token"] = "The `next_page_token` of the previous page; absent for the first page.",
        ["token"] = "The secret of a one-time link, as the mail or the answer gave it.",
        ["code"] = "A partner's referral code, from its referral link.",
        ["q"] = "Text to search for.",
        ["status"] = "Only items in this status.",
        ["cadence"] = "Only accounts of this cadence: `trial`, `monthly` or `annual`.",
        ["sort"] = "The order of the list.",
        ["order"] = "`asc` or `desc`.",
        ["month"] = "A calendar month (UTC), as `2026-11`.",
        ["Idempotency-Key"] = "Any unique string up to 255 characters: a retry with the same key and body replays the first answer for 24 hours; the same key with another body is 422, and one still in flight 409.",
    };

    public static string? For(string name) => ByName.GetValueOrDefault(name);
}
