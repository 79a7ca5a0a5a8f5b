using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;
using Reseller.ServiceDefaults.Telemetry;

namespace Reseller.ServiceDefaults.Idempotency;

/// <summary>
/// The idempotency of every POST (docs/api.md): a retry with the same Idempotency-Key and body replays the first answer (status
/// and body) for 24 hours; the same key with another body is 422; a retry while the first is still running is 409.
/// Keys are scoped to the caller (its partner, one account of it for an account user, or the operator), so two tenants
/// never see each other's answers. Answers that carry secrets follow their endpoint's <see cref="ResponseSecrets"/>.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;

    /// <summary>The request's Idempotency-Key, or null when it has none.</summary>
    public static string? KeyOf(HttpRequest request) =>
        request.Headers[HeaderName].ToString() is { Length: > 0 } key ? key : null;

    public async Task InvokeAsync(HttpContext context)
    {
        var key = context.Request.Headers[HeaderName].ToString();
        var store = context.RequestServices.GetService<IIdempotencyStore>();
        var secrets = context.GetEndpoint()?.Metadata.GetMetadata<ResponseSecrets>();
        if (secrets is not null)
        {
            context.Response.Headers.CacheControl = "no-store";
        }
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || store is null || secrets is { Replayed: false })
        {
            await next(context);
            return;
        }
        if (key.Length > MaxKeyLength)
        {
            throw ValidationErrors.Reject(HeaderName, $"{HeaderName} must be at most {MaxKeyLength} characters.");
        }

        var scope = Scope(context);
        var hash = await RequestHashAsync(context.Request);
        var existing = await store.TryClaimAsync(scope, key, hash, clock.GetUtcNow(), context.RequestAborted);
        if (existing is not null)
        {
            await AnswerFromRecordAsync(context, existing, hash);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 500)
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(scope, key, context.Response.StatusCode, context.Response.ContentType,
                context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                secrets is null ? buffer.ToArray() : secrets.Redact(buffer.ToArray()), clock.GetUtcNow(), CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerFromRecordAsync(HttpContext context, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
        {
            throw IdempotencyProblems.KeyReused();
        }
        if (record.CompletedAt is null || record.StatusCode is null)
        {
            throw IdempotencyProblems.KeyInFlight();
        }

        context.Response.StatusCode = record.StatusCode.Value;
        if (record.ContentType is not null)
        {
            context.Response.ContentType = record.ContentType;
        }
        if (record.Location is not null)
        {
            context.Response.Headers.Location = record.Location;
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        PlatformMetrics.IdempotencyReplays.Add(1);
        await context.Response.Body.WriteAsync(record.ResponseBody ?? [], context.RequestAborted);
    }

    private static string Scope(HttpContext context)
    {
        var user = context.User;
        var partner = user.FindFirst(PlatformClaims.PartnerId)?.Value;
        if (partner is not null && user.HasClaim(PlatformClaims.Kind, PlatformClaims.AccountUserKind))
        {
            return $"{partner}/{user.FindFirst(PlatformClaims.AccountId)?.Value}";
        }
        return partner ?? user.FindFirst(PlatformClaims.Kind)?.Value ?? "anonymous";
    }

    /// <summary>The keyed fingerprint of the request (never a plain hash of a body that may hold a card); the body stays readable.</summary>
    private static async Task<string> RequestHashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return request.HttpContext.RequestServices.GetRequiredService<RequestFingerprint>()
            .Of(request.Method, $"{request.Path}{request.QueryString}", body.ToArray());
    }
}
