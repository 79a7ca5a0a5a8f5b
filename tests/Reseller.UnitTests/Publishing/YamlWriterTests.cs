using Reseller.AppHost.Publishing;

namespace Reseller.UnitTests.Publishing;

public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("billing", "billing")]
    [InlineData("http://billing:8080", "http://billing:8080")]
    [InlineData("8080", "\"8080\"")]
    [InlineData("500m", "\"500m\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("no", "\"no\"")]
    [InlineData("", "\"\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("ends:", "\"ends:\"")]
    [InlineData("Host=x;Port=5432", "\"Host=x;Port=5432\"")]
    [InlineData("#comment", "\"#comment\"")]
    [InlineData("say \"hi\"\n", "\"say \\\"hi\\\"\\n\"")]
    public void A_string_is_plain_only_when_YAML_reads_it_back_as_the_same_string(string value, string written)
    {
        Assert.Equal($"key: {written}\n", YamlWriter.Document(Manifest.Of(("key", value))));
    }

    [Fact]
    public void Maps_lists_and_empty_values_are_written_as_block_YAML_in_insertion_order()
    {
        var manifest = Manifest.Of(
            ("b", 1),
            ("a", Manifest.Of(("flag", true), ("skipped", null))),
            ("items", new object[] { "x", Manifest.Of(("name", "web"), ("port", 80L)) }),
            ("empty", new Manifest()),
            ("none", Array.Empty<string>()));

        Assert.Equal("b: 1\na:\n  flag: true\nitems:\n- x\n- name: web\n  port: 80\nempty: {}\nnone: []\n", YamlWriter.Document(manifest));
    }
}
