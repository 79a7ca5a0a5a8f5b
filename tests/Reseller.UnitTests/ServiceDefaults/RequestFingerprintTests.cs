using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.Idempotency;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class RequestFingerprintTests
{
    private const string Secret = "a-server-secret-of-at-least-32-characters";
    private const string Path = "/api/v1/billing-profiles";

    private static byte[] Body(string number, string cvc = "123", string name = "Card") =>
        Encoding.UTF8.GetBytes($$$"""{"name":"{{{name}}}","card":{"number":"{{{number}}}","exp_month":12,"exp_year":2099,"cvc":"{{{cvc}}}"}}""");

    [Fact]
    public void The_same_request_gives_the_same_fingerprint_and_another_card_alone_another_one()
    {
        var fingerprint = new RequestFingerprint(Secret);
        var first = fingerprint.Of("POST", Path, Body("4242424242424242"));

        Assert.Equal(first, new RequestFingerprint(Secret).Of("POST", Path, Body("4242424242424242")));
        Assert.NotEqual(first, fingerprint.Of("POST", Path, Body("4000000000000002")));
        Assert.NotEqual(first, fingerprint.Of("POST", Path, Body("4242424242424242", cvc: "999")));
        Assert.NotEqual(first, fingerprint.Of("POST", Path, Body("4242424242424242", name: "Other")));
        Assert.NotEqual(first, fingerprint.Of("POST", "/api/v1/accounts", Body("4242424242424242")));
    }

    [Fact]
    public void The_fingerprint_depends_on_the_server_secret_and_is_no_plain_hash_of_the_request()
    {
        var body = Body("4242424242424242");
        var fingerprint = new RequestFingerprint(Secret).Of("POST", Path, body);

        Assert.NotEqual(fingerprint, new RequestFingerprint(Secret + "-rotated").Of("POST", Path, body));
        var unkeyed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"POST {Path}\n").Concat(body).ToArray()));
        Assert.NotEqual(unkeyed, fingerprint);
    }

    [Fact]
    public void A_body_that_is_not_json_is_fingerprinted_as_it_is()
    {
        var fingerprint = new RequestFingerprint(Secret);

        Assert.Equal(fingerprint.Of("POST", Path, "not json"u8.ToArray()), fingerprint.Of("POST", Path, "not json"u8.ToArray()));
        Assert.NotEqual(fingerprint.Of("POST", Path, "not json"u8.ToArray()), fingerprint.Of("POST", Path, "not json either"u8.ToArray()));
        Assert.NotEqual(fingerprint.Of("POST", Path, []), fingerprint.Of("POST", Path, "{}"u8.ToArray()));
    }

    [Fact]
    public void Production_refuses_to_start_without_the_secret_and_other_environments_run_with_a_development_one()
    {
        var production = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        var refused = Assert.Throws<InvalidOperationException>(() => production.AddIdempotencyFingerprint());
        Assert.Contains(IdempotencyExtensions.SecretSetting, refused.Message, StringComparison.Ordinal);

        var configured = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        configured.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [IdempotencyExtensions.SecretSetting] = Secret });
        configured.AddIdempotencyFingerprint();
        Assert.NotNull(configured.Services.BuildServiceProvider().GetService<RequestFingerprint>());

        var development = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        development.AddIdempotencyFingerprint();
        Assert.NotNull(development.Services.BuildServiceProvider().GetService<RequestFingerprint>());
    }
}
