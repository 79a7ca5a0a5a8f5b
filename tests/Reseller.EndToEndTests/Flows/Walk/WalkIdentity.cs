namespace Reseller.EndToEndTests.Flows.Walk;

/// <summary>
/// Who calls: a bearer token, the operator key or nothing. <paramref name="Unseen"/> are the values this caller must never
/// read in an answer (the first partner's ids and names for strangers; the partner's other account for an account user).
/// <paramref name="SendsOnlyBrokenWrites"/>: a caller whose valid writes would change what every other test shares (the operator).
/// </summary>
public sealed record WalkIdentity(string Name, string? Token, bool Operator, IReadOnlyList<string> Unseen, bool TriesMalformedInput, bool SendsOnlyBrokenWrites = false);
