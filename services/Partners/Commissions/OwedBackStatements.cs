namespace Reseller.Partners.Commissions;

public static class OwedBackStatements
{
    /// <summary>
    /// The statements a later statement of their partner must carry (<see cref="Statement.IsOwedBack"/>): while one is, the
    /// partner's other unpaid months in its currency wait, so what its credit notes took back is never paid out.
    /// </summary>
    public static IQueryable<Statement> OwedBack(this IQueryable<Statement> statements) =>
        statements.Where(s => s.Total < 0 && (s.Status == StatementStatus.Pending || s.Status == StatementStatus.Held));
}
