using Reseller.AppHost.Publishing;

namespace Reseller.UnitTests.Publishing;

public sealed class PublishCommandTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "reseller-publish-command-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("publish", "docker-compose", "--output", "x")]
    [InlineData("publish", "kubernetes")]
    [InlineData("publish", "kubernetes", "--output")]
    [InlineData("publish", "kubernetes", "--output", "x", "--data", "cloud")]
    [InlineData("publish", "kubernetes", "--output", "x", "--replicas", "3")]
    public void Wrong_arguments_are_refused_with_the_usage_and_nothing_is_written(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = PublishCommand.Run(args, _ => PublishedModel.Declare(), stdout, stderr);

        Assert.Equal(2, code);
        Assert.Contains("publish kubernetes --output <dir>", stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "x")));
    }

    [Fact]
    public void Publishing_writes_the_base_and_both_overlays_and_replaces_what_an_earlier_run_left()
    {
        Directory.CreateDirectory(Path.Combine(output, "base"));
        File.WriteAllText(Path.Combine(output, "base", "stale.yaml"), "kind: Stale\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = PublishCommand.Run(["publish", "kubernetes", "--output", output, "--registry", "ghcr.io/acme/", "--tag", "1.4.0"], _ => PublishedModel.Declare(), stdout, stderr);

        Assert.Equal(0, code);
        Assert.False(File.Exists(Path.Combine(output, "base", "stale.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "overlays", "development", "kustomization.yaml")));
        Assert.True(File.Exists(Path.Combine(output, "overlays", "production", "kustomization.yaml")));
        Assert.Contains("image: ghcr.io/acme/billing:1.4.0", File.ReadAllText(Path.Combine(output, "base", "billing.yaml")), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
