namespace Reseller.IntegrationTests;

/// <summary>
/// Test classes that start services in this process with the services' own queue names: two such hosts of one service
/// on the shared broker would take each other's messages, so these classes run one at a time. Classes whose servers or
/// processes are their own (the scale, crash and broker-outage tests) run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServiceHostsLane
{
    public const string Name = "service-hosts";
}
