namespace Reseller.Partners.Partners;

public sealed record CreatedPartnerResponse(PartnerResponse Partner, PartnerUserResponse User);
