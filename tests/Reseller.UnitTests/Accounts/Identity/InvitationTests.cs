using Reseller.Accounts.Invitations;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.UnitTests.Accounts.Identity;

public sealed class InvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_invitation_is_open_for_seven_days_and_keeps_only_the_hash_of_its_link()
    {
        var token = RandomSecret.New();
        var invitation = Invitation.Create(Guid.NewGuid(), "Jane", "jane@client.test", null, null, token, Now);

        Assert.Equal(RandomSecret.HashOf(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.True(invitation.IsOpen(Now.AddDays(7).AddTicks(-1)));
        Assert.False(invitation.IsOpen(Now.AddDays(7)));
    }

    [Fact]
    public void Re_sending_replaces_the_link_and_restarts_the_seven_days()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), "Jane", "jane@client.test", null, null, "first", Now);

        Assert.True(invitation.Resend("second", Now.AddDays(10)));

        Assert.Equal(RandomSecret.HashOf("second"), invitation.TokenHash);
        Assert.Equal(RandomSecret.HashOf("first"), invitation.ReplacedTokenHash);
        Assert.False(invitation.IsOpenFor(RandomSecret.HashOf("first"), Now.AddDays(10)));
        Assert.True(invitation.IsOpenFor(RandomSecret.HashOf("second"), Now.AddDays(16)));
        Assert.Equal(InvitationStatus.Invited, invitation.Status);
    }

    [Fact]
    public void An_accepted_invitation_cannot_be_accepted_again_nor_re_sent()
    {
        var invitation = Invitation.Create(Guid.NewGuid(), "Jane", "jane@client.test", null, null, "link", Now);
        var user = Guid.NewGuid();

        invitation.Accept(user, Now.AddHours(1));

        Assert.Equal(InvitationStatus.Accepted, invitation.Status);
        Assert.Equal(user, invitation.UserId);
        Assert.False(invitation.IsOpenFor(RandomSecret.HashOf("link"), Now.AddHours(1)));
        Assert.Throws<InvalidOperationException>(() => invitation.Accept(Guid.NewGuid(), Now.AddHours(2)));
        Assert.False(invitation.Resend("again", Now.AddHours(2)));
    }
}
