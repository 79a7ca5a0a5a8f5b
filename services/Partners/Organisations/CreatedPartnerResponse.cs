namespace Reseller.Partners.Organisations;

public sealed record CreatedPartnerResponse(PartnerResponse Partner, PartnerUserResponse User);
