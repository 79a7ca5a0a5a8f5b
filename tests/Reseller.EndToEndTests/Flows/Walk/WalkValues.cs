using System.Globalization;
using System.Text.Json.Nodes;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>
/// The values the walk puts in paths, queries and bodies: the first partner's real ids where a name or path says which
/// resource is meant, otherwise a plausible value of the schema's type. Unknown path parameters are remembered so the
/// test can name them (they are walked with a made-up id, never skipped).
/// </summary>
public sealed class WalkValues(WalkSeed seed)
{
    public const string UnknownToken = "zFwalkUnknownLinkTokenqqqqqqqqqqqqqqqqqqqqqq";

    /// <summary>Optional fields whose made-up value would only make the otherwise valid body invalid.</summary>
    private static readonly HashSet<string> Omitted = ["custom_domain", "domain", "organization", "add_ons", "seats", "from_snapshot_id"];

    public HashSet<string> UnknownPathParameters { get; } = [];

    public WalkSeed Seed => seed;

    /// <summary>The real id for a path parameter, chosen by the segment before it (…/accounts/{id} is the paid account).</summary>
    public string ForPath(WalkOperation operation, string name)
    {
        var segments = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(segments, "{" + name + "}");
        var before = index > 0 ? segments[index - 1] : "";
        switch (before, name)
        {
            case ("accounts", _): return seed.PaidAccountId;
            case ("invoices", _): return seed.InvoiceId;
            case ("billing-profiles", _): return seed.BillingProfileId;
            case ("api-keys", _): return seed.ApiKeyId;
            case ("users", _) when operation.Path.StartsWith("/api/v1/partners/", StringComparison.Ordinal): return seed.MemberUserId;
            case ("users", _): return seed.AccountUserId;
            case ("invitations", "invitationId"): return seed.InvitationId;
            case ("snapshots", _): return seed.SnapshotId;
            case ("purchases", _): return seed.PurchaseId;
            case ("credits", "kind"): return "sms";
            case ("referrals", "code"): return seed.ReferralCode;
            case ("partners", _): return seed.Owner.Id;
            case (_, "token"): return UnknownToken;
            case ("statements", _): return "cst_0192f0c8a0a07a4b9c1d2e3f40516273";
            // No seeded credit note (only the operator issues one): a well-formed id that answers 404 to every caller.
            case ("credit-notes", _): return "cn_0192f0c8a0a07a4b9c1d2e3f40516273";
            // No seeded webhook endpoint (a walk must not post to a receiver): well-formed ids that answer 404 to every caller.
            case ("webhook-endpoints", _): return "we_0192f0c8a0a07a4b9c1d2e3f40516273";
            case ("webhook-deliveries", _): return "whd_0192f0c8a0a07a4b9c1d2e3f40516273";
            default:
                UnknownPathParameters.Add($"{operation.Key}: {{{name}}}");
                return "walk_0192f0c8a0a07a4b9c1d2e3f40516273";
        }
    }

    public string? ForQuery(JsonNode parameter) => (string?)parameter["name"] switch
    {
        "account_id" => seed.PaidAccountId,
        "page_size" => "2",
        "q" => seed.PaidAccountName,
        "month" => DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => (bool?)parameter["required"] == true ? "walk" : null,
    };

    /// <summary>A body that follows the schema, with the first partner's ids where a field names one.</summary>
    public JsonNode? Body(WalkDocument document, JsonNode schema, string? name = null, int depth = 0)
    {
        schema = document.Resolve(schema);
        if (depth > 6)
        {
            return null;
        }
        if (Named(name) is { } known)
        {
            return known;
        }
        if (schema["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }
        if (Alternatives(schema).FirstOrDefault() is { } alternative)
        {
            return Body(document, alternative, name, depth + 1);
        }
        switch (TypeOf(schema))
        {
            case "object":
                var body = new JsonObject();
                foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                {
                    if (!Omitted.Contains(property))
                    {
                        body[property] = Body(document, propertySchema!, property, depth + 1);
                    }
                }
                return body;
            case "array":
                return schema["items"] is { } items ? new JsonArray(Body(document, items, Singular(name), depth + 1)) : new JsonArray();
            case "integer":
                return 1;
            case "number":
                return 1.5;
            case "boolean":
                return false;
            case "string":
                return (string?)schema["format"] switch
                {
                    "date-time" => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                    "date" => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "email" => $"walk-{Guid.NewGuid():N}@walk.test",
                    "uuid" => Guid.NewGuid().ToString(),
                    _ => "walk",
                };
            default:
                return "walk";
        }
    }

    public static string? TypeOf(JsonNode schema) => schema["type"] switch
    {
        JsonValue value => (string?)value,
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        _ => schema["properties"] is not null ? "object" : null,
    };

    public static IEnumerable<JsonNode> Alternatives(JsonNode schema) =>
        new[] { "oneOf", "anyOf", "allOf" }.SelectMany(k => schema[k]?.AsArray() ?? [])
            .Where(s => s is not null && TypeOf(s) != "null").Select(s => s!);

    private JsonNode? Named(string? name) => name switch
    {
        null => null,
        "email" => $"walk-{Guid.NewGuid():N}@walk.test",
        _ when name.EndsWith("_email", StringComparison.Ordinal) => $"walk-{Guid.NewGuid():N}@walk.test",
        _ when name.EndsWith("_url", StringComparison.Ordinal) => "https://walk.test/logo.png",
        "password" or "new_password" => "walk passphrase 2468",
        "number" => "4242424242424242",
        "cvc" => "123",
        "exp_month" => 12,
        "exp_year" => 2099,
        "billing_profile_id" => seed.BillingProfileId,
        "account_id" => seed.PaidAccountId,
        "partner_id" => seed.Owner.Id,
        "from_snapshot_id" => seed.SnapshotId,
        "account" => seed.PaidAccountName,
        "username" => "admin",
        "token" => UnknownToken,
        "name" => "walk-" + Guid.NewGuid().ToString("N")[..12],
        "product" => "marketing",
        "tier" => "plus",
        "cadence" => "monthly",
        "contacts" => 1000,
        "language" => "fr",
        "time_zone" => "Europe/Paris",
        "country" => "FR",
        "currency" => "USD",
        "role" => "member",
        "payer" => "partner",
        "add_on" => "conversations",
        "pack" => 1000,
        "quantity" or "delta" => 1,
        _ => null,
    };

    private static string? Singular(string? name) => name is { Length: > 1 } && name.EndsWith('s') ? name[..^1] : name;
}
