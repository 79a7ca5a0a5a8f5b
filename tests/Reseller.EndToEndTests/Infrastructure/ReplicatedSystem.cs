namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// A system of its own, with two replicas of every service another calls (Billing, Accounts, Partners), for tests that
/// kill replicas: the shared system's replicas stay untouched.
/// </summary>
public sealed class ReplicatedSystem : IAsyncLifetime, IDisposable
{
    public static readonly string[] CalledServices = ["billing", "accounts", "partners"];

    public ResellerSystem System { get; } = new("replicated", ["--Billing:Replicas=2", "--Accounts:Replicas=2", "--Partners:Replicas=2"]);

    public Task InitializeAsync() => System.InitializeAsync();

    public Task DisposeAsync() => System.DisposeAsync();

    public void Dispose() => System.Dispose();
}
