using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Reseller.EndToEndTests.Infrastructure;

using Xunit.Abstractions;

namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>
/// Walks every operation of the gateway's merged OpenAPI document (read at run time, so a new endpoint is walked too) as the
/// partner's owner, a member, its API key, the account's own user, a log-in-as session, another partner, the operator, a
/// forged token, an unknown API key and nobody, with the partner's real ids, made-up ids and broken bodies. Whatever the
/// caller sends, the answer is never a 5xx, every 4xx is problem+json, and no answer to a stranger carries the partner's
/// ids, names or addresses (nor the partner's other account in an answer to the account's own users).
/// </summary>
public sealed class OpenApiWalkTests(ResellerSystem system, ITestOutputHelper output) : IDisposable
{
    /// <summary>What the walk does not do, and why; everything else in the document is called by every caller.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotWalked = new Dictionary<string, string>
    {
        ["the operator's writes with a valid body"] = "POST /admin/clock would move the one forward-only sandbox clock every other test shares, and a transfer-out would take the seeded account away; the operator sends only broken bodies and unknown ids to writes, never an empty body where no field is required (POST /admin/payouts would pay every pending statement; valid ones are in TransferTests, SandboxClockTests and the integration PayPalPayoutTests), every other caller sends valid ones too (and must get 401/403)",
        ["real link tokens in /{token} paths"] = "a walk must not spend the links it is given; invitation, reset, log-in-as and transfer links are walked with a well-formed unknown token, a garbage one and a huge one",
        ["a NUL (%00) in a path"] = "Kestrel refuses such a request line itself with an empty 400 before any middleware of ours runs; the walk sends other odd characters (quotes, angle brackets, an encoded slash) instead",
        ["Accept: text/html, application/pdf"] = "downloads have their own tests (InvoiceDownloadTests); the walk asks for JSON, and for CSV once per read of one resource",
    };

    private static readonly string[] ServicePrefixes = ["/api/v1/accounts", "/api/v1/invoices", "/api/v1/credits", "/api/v1/partners/me"];
    private readonly GatewayClient client = system.Client();

    [Fact]
    public async Task Every_operation_answers_every_caller_without_a_5xx_a_bare_4xx_or_another_partners_data()
    {
        var seed = await WalkSeed.CreateAsync(client);
        var document = new WalkDocument(JsonNode.Parse(await client.Http.GetStringAsync(new Uri("/docs/openapi.json", UriKind.Relative)))!);
        var operations = document.Operations().OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();
        Assert.All(ServicePrefixes, prefix => Assert.Contains(operations, o => o.Path.StartsWith(prefix, StringComparison.Ordinal)));
        var values = new WalkValues(seed);
        var identities = seed.Identities("another partner");

        var findings = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var calls = 0;
        var ownersValidCalls = new List<string>();
        // Reads first, then writes, then deletions, and the owner last in each phase, so a removal cannot hide later calls' paths.
        foreach (var phase in new Func<WalkOperation, bool>[] { o => o.IsSafe, o => !o.IsSafe && o.Method != "DELETE", o => o.Method == "DELETE" })
        {
            foreach (var identity in identities)
            {
                foreach (var operation in operations.Where(phase))
                {
                    foreach (var request in Requests(document, values, identity, operation))
                    {
                        var status = await CallAsync(request, findings);
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        if (identity.Name == "owner" && request.Variant == "valid")
                        {
                            ownersValidCalls.Add($"  {status} {operation.Key}");
                        }
                        calls++;
                    }
                }
            }
        }

        output.WriteLine($"{operations.Count} operations, {calls} calls in {clock.Elapsed.TotalSeconds:0} s; answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var (what, why) in NotWalked)
        {
            output.WriteLine($"not walked: {what}: {why}");
        }
        output.WriteLine("The owner's call with the body built from the schema, per operation (how deep the walk reaches):");
        ownersValidCalls.ForEach(output.WriteLine);
        findings.ForEach(output.WriteLine);
        Assert.True(values.UnknownPathParameters.Count == 0,
            "The walk does not know which real id to put in these path parameters (teach WalkValues.ForPath, seed the resource in WalkSeed):\n" + string.Join('\n', values.UnknownPathParameters));
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n{string.Join('\n', findings.Take(60))}");
    }

    private static IEnumerable<WalkRequest> Requests(WalkDocument document, WalkValues values, WalkIdentity identity, WalkOperation operation)
    {
        var path = Substitute(operation, name => values.ForPath(operation, name));
        var query = string.Join('&', operation.QueryParameters
            .Select(p => (Name: (string)p["name"]!, Value: values.ForQuery(p)))
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        var url = query.Length == 0 ? path : $"{path}?{query}";
        var body = operation.BodySchema is { } schema ? values.Body(document, schema) : null;
        var validAllowed = operation.IsSafe || !identity.SendsOnlyBrokenWrites;
        if (validAllowed)
        {
            yield return new WalkRequest(identity, operation, "valid", url, body?.ToJsonString());
        }

        if (!identity.TriesMalformedInput)
        {
            yield break;
        }
        if (operation.BodySchema is not null)
        {
            foreach (var (variant, json) in MalformedBodies.Of(body).Where(v => validAllowed || !MalformedBodies.MayBeValid(v.Variant, operation.BodySchema)))
            {
                yield return new WalkRequest(identity, operation, variant, url, json);
            }
            yield return new WalkRequest(identity, operation, "not JSON", url, "name=walk") { ContentType = "text/plain" };
            if (identity.Name == "owner")
            {
                yield return new WalkRequest(identity, operation, "body over 1 MB", url, $"{{\"name\": \"{new string('w', 1_100_000)}\"}}");
            }
        }
        if (operation.Method == "POST" && validAllowed)
        {
            yield return new WalkRequest(identity, operation, "idempotency key too long", url, body?.ToJsonString(), new string('k', 300));
        }
        if (operation.PathParameters.Any() && operation.IsSafe)
        {
            yield return new WalkRequest(identity, operation, "asks for CSV", url, null) { Accept = "text/csv" };
        }
        if (identity.Name == "owner" && operation.Path.Contains("/accounts/{id}", StringComparison.Ordinal))
        {
            var foreign = (string)values.Seed.StrangersAccount["id"]!;
            yield return new WalkRequest(identity, operation, "another partner's account", Substitute(operation, name => name == "id" ? foreign : values.ForPath(operation, name)), body?.ToJsonString());
        }
        if (operation.PathParameters.Any())
        {
            yield return new WalkRequest(identity, operation, "unknown ids", Substitute(operation, _ => "not-an-id") + (query.Length == 0 ? "" : "?" + query), body?.ToJsonString());
            yield return new WalkRequest(identity, operation, "huge ids", Substitute(operation, _ => new string('9', 3000)), body?.ToJsonString());
            yield return new WalkRequest(identity, operation, "odd characters in ids", Substitute(operation, _ => "a'\"<>;--%2F..%2Fx"), body?.ToJsonString());
        }
        if (operation.QueryParameters.Any() && validAllowed)
        {
            var garbage = string.Join('&', operation.QueryParameters.Select(p => $"{p["name"]}={Uri.EscapeDataString("-1'\"<>%" + new string('x', 300))}"));
            yield return new WalkRequest(identity, operation, "garbage query", $"{path}?{garbage}", body?.ToJsonString());
        }
    }

    private static string Substitute(WalkOperation operation, Func<string, string> value) =>
        operation.PathParameters.Aggregate(operation.Path, (path, name) => path.Replace("{" + name + "}", value(name).Contains('%') ? value(name) : Uri.EscapeDataString(value(name)), StringComparison.Ordinal));

    private async Task<int> CallAsync(WalkRequest request, List<string> findings)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        if (request.Json is not null)
        {
            message.Content = new StringContent(request.Json, Encoding.UTF8, request.ContentType);
            message.Headers.ExpectContinue = request.Json.Length > GatewayClient.OneMegabyte;
        }
        if (request.Identity.Token is { } token)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (request.Identity.Operator)
        {
            message.Headers.Add("X-Admin-Key", system.AdminKey);
        }
        if (request.IdempotencyKey is { } key)
        {
            message.Headers.Add("Idempotency-Key", key);
        }
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));

        using var response = await client.Http.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var excerpt = text.Length > 300 ? text[..300] + "…" : text;
        if (status >= 500)
        {
            findings.Add($"{status} for {request}: {excerpt}");
        }
        else if (status >= 400 && !IsProblem(response, text, status))
        {
            findings.Add($"{status} not problem+json ({response.Content.Headers.ContentType}) for {request}: {excerpt}");
        }
        var sent = request.Url + request.Json;
        foreach (var unseen in request.Identity.Unseen.Where(u => !sent.Contains(u, StringComparison.OrdinalIgnoreCase)))
        {
            if (text.Contains(unseen, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add($"{status} for {request} shows another tenant's '{unseen}': {excerpt}");
            }
        }
        return status;
    }

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }
        try
        {
            var problem = JsonNode.Parse(text);
            return (int?)problem?["status"] == status
                && ((string?)problem["type"])?.StartsWith("https://reseller.dev/problems/", StringComparison.Ordinal) == true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose() => client.Dispose();
}
