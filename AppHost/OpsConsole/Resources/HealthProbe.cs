namespace Reseller.AppHost.OpsConsole.Resources;

/// <summary>Asks a running replica's <c>/health</c>, briefly: the console shows Healthy or Unhealthy beside its state.</summary>
internal sealed class HealthProbe : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(1) };

    public async Task<string> CheckAsync(ResourceDetails resource)
    {
        if (!resource.IsProject || !resource.IsRunning)
        {
            return resource.IsRunning ? "Healthy" : "-";
        }
        try
        {
            using var response = await http.GetAsync(new Uri($"{resource.Url}/health")).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? "Healthy" : "Unhealthy";
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException)
        {
            return "Unhealthy";
        }
    }

    public void Dispose() => http.Dispose();
}
