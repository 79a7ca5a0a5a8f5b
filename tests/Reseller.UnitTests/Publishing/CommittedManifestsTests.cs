namespace Reseller.UnitTests.Publishing;

/// <summary>deploy/k8s is what the publish command writes for today's model: a change to the model shows in the diff.</summary>
public sealed class CommittedManifestsTests
{
    [Fact]
    public void The_committed_manifests_are_exactly_what_the_publish_command_writes()
    {
        var expected = PublishedModel.Publisher().Files();
        var committed = Directory.EnumerateFiles(PublishedModel.CommittedManifests, "*.yaml", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(PublishedModel.CommittedManifests, path).Replace('\\', '/'), File.ReadAllText);

        var regenerate = "run: dotnet run --project AppHost -- publish kubernetes --output deploy/k8s";
        Assert.True(expected.Keys.Order().SequenceEqual(committed.Keys.Order()), $"deploy/k8s has other files than the model gives; {regenerate}");
        foreach ((var file, var text) in expected)
        {
            Assert.True(text == committed[file], $"deploy/k8s/{file} differs from what the model gives; {regenerate}");
        }
    }
}
