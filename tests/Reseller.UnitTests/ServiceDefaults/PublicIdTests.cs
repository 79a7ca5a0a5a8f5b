using Reseller.ServiceDefaults.Ids;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class PublicIdTests
{
    [Fact]
    public async Task Ids_round_trip_and_sort_by_creation()
    {
        var first = PublicId.NewGuid();
        await Task.Delay(2); // UUIDv7 orders by millisecond; within one millisecond the order is random.
        var second = PublicId.NewGuid();
        var formatted = PublicId.Format("acc", first);

        Assert.True(PublicId.TryParse("acc", formatted, out var parsed));
        Assert.Equal(first, parsed);
        Assert.True(string.CompareOrdinal(formatted, PublicId.Format("acc", second)) < 0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("acc_")]
    [InlineData("inv_0192f0c8a0a07a4b9c1d2e3f40516273")]
    [InlineData("acc_0192f0c8a0a07a4b9c1d2e3f4051627z")]
    [InlineData("acc_0192f0c8a0a07a4b9c1d2e3f405162730")]
    public void Malformed_or_foreign_ids_do_not_parse(string? value)
    {
        Assert.False(PublicId.TryParse("acc", value, out _));
    }
}
