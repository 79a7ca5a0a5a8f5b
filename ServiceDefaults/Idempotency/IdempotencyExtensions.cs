using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Reseller.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    public const string SecretSetting = "Reseller:Idempotency:Secret";

    /// <summary>Outside production only (the AppHost always passes a generated secret): a known key for a service run alone.</summary>
    private const string DevelopmentSecret = "reseller-development-idempotency-secret-not-for-production";

    /// <summary>The keyed request fingerprint of the idempotency store; production refuses to start without its secret.</summary>
    public static TBuilder AddIdempotencyFingerprint<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var secret = builder.Configuration[SecretSetting];
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 32)
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException($"{SecretSetting} must be set to at least 32 characters in Production (it keys the idempotency store's request hashes).");
            }
            secret = DevelopmentSecret;
        }
        builder.Services.AddSingleton(new RequestFingerprint(secret));
        return builder;
    }
}
