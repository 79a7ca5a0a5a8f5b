using System.Collections.Concurrent;
using System.Net.Http.Json;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// Each process's in-memory list of ended sessions: the lowest session version still valid per issuer and subject. Kept
/// current by the SessionsEnded event (every process has its own queue, so each one hears it within milliseconds) and
/// loaded from each issuer's internal list when its keys are fetched (at the first token after start, then every few
/// minutes), so a process that starts or reconnects late still knows every session ended within a token's lifetime.
/// A lookup is a dictionary read: nothing is asked of the issuer per request.
/// </summary>
public sealed class EndedSessions(IHttpClientFactory http, ServiceIdentity self, IServiceProvider services, ILogger<EndedSessions> logger)
{
    public const string Path = "/internal/sessions/ended";

    private readonly ConcurrentDictionary<(string Issuer, string Subject), int> lowestValid = new();

    public void End(string issuer, string subject, int version) =>
        lowestValid.AddOrUpdate((issuer, subject), version, (_, known) => Math.Max(known, version));

    public bool HasEnded(string issuer, string subject, int version) =>
        lowestValid.TryGetValue((issuer, subject), out var lowest) && version < lowest;

    public async Task LoadAsync(string issuer, CancellationToken cancellationToken)
    {
        try
        {
            var ended = issuer == self.Name && services.GetService<IEndedSessionSource>() is { } own
                ? await own.RecentAsync(cancellationToken)
                : await http.CreateClient(IssuerKeys.HttpClientName).GetFromJsonAsync<List<EndedSession>>(new Uri($"http://{issuer}{Path}"), cancellationToken) ?? [];
            foreach (var session in ended)
            {
                End(issuer, session.Subject, session.Version);
            }
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The ended sessions of issuer {Issuer} could not be loaded: {Error}", issuer, e.Message);
        }
    }
}
