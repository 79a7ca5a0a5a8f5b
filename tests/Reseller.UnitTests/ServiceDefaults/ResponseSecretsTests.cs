using System.Text;
using System.Text.Json.Nodes;

using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class ResponseSecretsTests
{
    [Fact]
    public void A_one_time_secret_is_blanked_and_everything_else_kept()
    {
        var body = Encoding.UTF8.GetBytes("""{"id":"acc_1","login":{"url":"https://a.test","username":"admin","password":"s3cret!"},"status":"pending"}""");

        var kept = JsonNode.Parse(ResponseSecrets.OneTime("login.password").Redact(body))!;

        Assert.Null(kept["login"]!["password"]);
        Assert.True(kept["login"]!.AsObject().ContainsKey("password"));
        Assert.Equal("admin", kept["login"]!["username"]!.GetValue<string>());
        Assert.Equal("acc_1", kept["id"]!.GetValue<string>());
        Assert.Equal("pending", kept["status"]!.GetValue<string>());
    }

    [Fact]
    public void An_answer_without_the_secret_such_as_a_problem_is_kept_as_it_was()
    {
        var problem = """{"type":"https://errors/validation","status":400,"errors":{"name":["taken"]}}""";

        var kept = Encoding.UTF8.GetString(ResponseSecrets.OneTime("login.password", "key").Redact(Encoding.UTF8.GetBytes(problem)));

        Assert.Equal(JsonNode.Parse(problem)!.ToJsonString(), JsonNode.Parse(kept)!.ToJsonString());
    }

    [Fact]
    public void A_credential_is_never_replayed()
    {
        Assert.False(ResponseSecrets.Credential().Replayed);
        Assert.True(ResponseSecrets.OneTime("key").Replayed);
    }
}
