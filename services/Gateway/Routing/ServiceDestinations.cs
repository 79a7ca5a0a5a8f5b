namespace Reseller.Gateway.Routing;

/// <summary>Every instance of every service, from Aspire-style service discovery settings (services:billing:http:0, :1, ...).</summary>
public sealed class ServiceDestinations(IReadOnlyDictionary<string, IReadOnlyList<Uri>> instances)
{
    public static readonly IReadOnlyList<string> Services = ["partners", "accounts", "billing", "credits"];

    public IReadOnlyDictionary<string, IReadOnlyList<Uri>> Instances { get; } = instances;

    public static ServiceDestinations FromConfiguration(IConfiguration configuration) =>
        new(Services.ToDictionary(service => service, service => InstancesOf(configuration, service)));

    /// <summary>The instances of one service, in replica order; none when the service is not configured.</summary>
    public static IReadOnlyList<Uri> InstancesOf(IConfiguration configuration, string service) =>
        configuration.GetSection($"services:{service}:http").GetChildren()
            .OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue)
            .Select(c => new Uri(c.Value!))
            .ToList();
}
