using Reseller.AppHost.Publishing;

namespace Reseller.UnitTests.Publishing;

/// <summary>
/// Both overlays build with kubectl's Kustomize, and every object they produce validates against the Kubernetes, KEDA
/// and Prometheus Operator schemas of the kubernetes-models packages (tools/k8s-check, installed by scripts/prerequisites.sh).
/// </summary>
public sealed class OverlayValidationTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "reseller-publish-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("development", DataTier.Operators)]
    [InlineData("production", DataTier.Operators)]
    [InlineData("production", DataTier.Managed)]
    public async Task The_overlay_builds_and_every_object_is_valid(string overlay, DataTier dataTier)
    {
        PublishedModel.Publisher(output, dataTier).Write();

        var built = await ClusterTools.RunAsync("kubectl", output, "kustomize", $"overlays/{overlay}");
        var rendered = Path.Combine(output, $"{overlay}.yaml");
        await File.WriteAllTextAsync(rendered, built);
        var check = Path.Combine(PublishedModel.RepositoryRoot, "tools", "k8s-check", "check.mjs");
        var verdict = await ClusterTools.RunAsync("node", output, check, rendered);

        Assert.Contains(" 0 invalid", verdict, StringComparison.Ordinal);
        Assert.Contains("kind: Deployment", built, StringComparison.Ordinal);
        Assert.Contains("kind: ScaledObject", built, StringComparison.Ordinal);
        Assert.Equal(dataTier == DataTier.Operators, built.Contains("kind: Cluster", StringComparison.Ordinal));
        if (overlay == "production")
        {
            Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", built, StringComparison.Ordinal);
            Assert.Contains("name: Billing__Payments__Provider\n          value: stripe", built, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
