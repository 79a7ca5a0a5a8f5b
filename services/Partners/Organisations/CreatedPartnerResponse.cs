namespace Reseller.Partners.Organisations;

/// <summary>
/// The answer to creating a partner: the partner, its fields at the top as API.md reads ("201 partner, with its first
/// user"), with its first user. <see cref="Partner"/> repeats the partner for clients written against this answer's first
/// shape, which nested it.
/// </summary>
public sealed record CreatedPartnerResponse(PartnerResponse Partner, PartnerUserResponse User) : PartnerResponse(Partner);
