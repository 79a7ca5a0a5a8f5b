using Reseller.ServiceDefaults.Memory;

namespace Reseller.UnitTests.ServiceDefaults;

public sealed class IdleTrimPolicyTests
{
    private static readonly IdleTrimPolicy Policy = IdleTrimPolicy.Default;

    [Fact]
    public void A_process_that_went_quiet_after_a_busy_spell_trims() =>
        Assert.True(Policy.ShouldTrim(allocatedSinceLastCheck: Policy.QuietBytesPerCheck - 1, allocatedSinceLastTrim: Policy.WorthTrimmingBytes));

    [Fact]
    public void A_process_still_serving_does_not_trim_however_much_it_allocated() =>
        Assert.False(Policy.ShouldTrim(allocatedSinceLastCheck: Policy.QuietBytesPerCheck, allocatedSinceLastTrim: 10L * Policy.WorthTrimmingBytes));

    [Fact]
    public void A_quiet_process_that_trimmed_does_not_trim_again_until_it_allocated_enough_to_be_worth_it() =>
        Assert.False(Policy.ShouldTrim(allocatedSinceLastCheck: 0, allocatedSinceLastTrim: Policy.WorthTrimmingBytes - 1));
}
