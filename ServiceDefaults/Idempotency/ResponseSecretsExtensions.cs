using Microsoft.AspNetCore.Builder;

namespace Reseller.ServiceDefaults.Idempotency;

public static class ResponseSecretsExtensions
{
    /// <summary>The answer is a credential (token): never stored, never replayed.</summary>
    public static TBuilder AnswersWithCredential<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ResponseSecrets.Credential());

    /// <summary>The answer shows a one-time secret at these JSON paths (e.g. "login.password"): replays leave it out.</summary>
    public static TBuilder ShowsSecretOnce<TBuilder>(this TBuilder builder, params string[] paths) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ResponseSecrets.OneTime(paths));
}
