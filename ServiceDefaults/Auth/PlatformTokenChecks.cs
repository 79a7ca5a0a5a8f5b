using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.ServiceDefaults.Auth;

/// <summary>What the platform checks beyond a valid signature: who may issue what, and whether the session has ended.</summary>
public static class PlatformTokenChecks
{
    /// <summary>Before validation: the token's issuer's keys (and ended sessions) are fetched if not yet known, so the synchronous key resolver finds them.</summary>
    public static async Task FetchIssuerKeysAsync(MessageReceivedContext context, IssuerKeys keys)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        if (CompactToken.TryReadIssuerAndKey(header.AsSpan(7).Trim(), out var issuer, out var keyId) && keyId is not null)
        {
            await keys.EnsureAsync(issuer!, keyId, context.HttpContext.RequestAborted);
        }
    }

    /// <summary>Why a token was refused, without the token (the handler's own log of it is below the services' level).</summary>
    public static Task LogRefusal(AuthenticationFailedContext context)
    {
        LogRefused(context.HttpContext, context.Exception.Message);
        return Task.CompletedTask;
    }

    public static Task RefuseUnlawfulOrEnded(TokenValidatedContext context, EndedSessions sessions)
    {
        var issuer = (context.SecurityToken as JsonWebToken)?.Issuer;
        var kind = context.Principal?.FindFirst(PlatformClaims.Kind)?.Value;
        var subject = context.Principal?.FindFirst(PlatformClaims.Subject)?.Value;
        if (!TrustedIssuers.MayIssue(issuer, kind, subject))
        {
            Refuse(context, $"issuer {issuer} does not issue {kind} tokens for {subject}.");
        }
        else if (kind is PlatformClaims.PartnerUserKind or PlatformClaims.AccountUserKind
            && (!int.TryParse(context.Principal?.FindFirst(PlatformClaims.SessionVersion)?.Value, out var version)
                || sessions.HasEnded(issuer!, subject!, version)))
        {
            Refuse(context, "this session has ended.");
        }
        return Task.CompletedTask;
    }

    private static void Refuse(TokenValidatedContext context, string reason)
    {
        LogRefused(context.HttpContext, reason);
        context.Fail(reason);
    }

    private static void LogRefused(HttpContext context, string reason) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlatformTokenChecks))
            .LogInformation("Bearer token refused: {Reason}", reason);
}
