using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Problems;

namespace Reseller.Accounts.Invitations;

public sealed record AcceptInvitationRequest(string? Password) : IValidatedRequest
{
    public void Validate(ValidationErrors errors) => errors.RequirePassword("password", Password);
}
