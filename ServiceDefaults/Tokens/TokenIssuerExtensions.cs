using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

using Reseller.ServiceDefaults.Auth;

namespace Reseller.ServiceDefaults.Tokens;

public static class TokenIssuerExtensions
{
    /// <summary>This service signs tokens (its users' and its own service tokens) with keys kept in TDb's signing_keys.</summary>
    public static TBuilder AddTokenIssuer<TBuilder, TDb>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
        where TDb : DbContext
    {
        builder.AddSessionList();
        builder.Services.AddSingleton<ISigningKeyStore, DatabaseSigningKeyStore<TDb>>();
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<PlatformTokenIssuer>();
        builder.Services.AddSingleton<ServiceTokens>();
        builder.Services.AddSingleton<SessionStamps>();
        builder.Services.AddSingleton<IEndedSessionSource, DatabaseEndedSessionSource<TDb>>();
        return builder;
    }

    /// <summary>This process's name and its in-memory list of ended sessions (with the client that loads it from issuers).</summary>
    public static TBuilder AddSessionList<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton(ServiceIdentity.From(builder.Environment));
        builder.Services.TryAddSingleton<EndedSessions>();
        builder.Services.AddHttpClient(IssuerKeys.HttpClientName);
        return builder;
    }

    /// <summary>
    /// The issuer's public keys (JWKS) and its recently ended sessions, for the gateway and the other services only: the
    /// gateway routes neither path. Both are open because neither is secret (public keys; opaque user ids and versions).
    /// </summary>
    public static WebApplication MapTokenIssuerEndpoints(this WebApplication app)
    {
        if (app.Services.GetService<SigningKeyRing>() is not null)
        {
            app.MapGet(IssuerKeys.Path, async (SigningKeyRing ring, HttpContext context, CancellationToken cancellationToken) =>
            {
                context.Response.Headers.CacheControl = "max-age=60";
                return Results.Text(await JwksEndpoint.DocumentAsync(ring, cancellationToken), "application/json");
            }).AllowAnonymous().ExcludeFromDescription();
        }
        if (app.Services.GetService<IEndedSessionSource>() is not null)
        {
            app.MapGet(EndedSessions.Path, async (IEndedSessionSource source, CancellationToken cancellationToken) =>
                TypedResults.Ok(await source.RecentAsync(cancellationToken))).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }
}
