using Microsoft.EntityFrameworkCore;

using Reseller.Credits.Data;

namespace Reseller.Credits.Ledger;

/// <summary>
/// The only way credit moves: each call changes one cached balance and appends its ledger entry in one SQL statement, so
/// the balance is always the sum of the entries. A debit is conditional on the balance covering it: never negative.
/// </summary>
public sealed class CreditLedger(CreditsDb db, TimeProvider clock)
{
    public async Task CreditAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            WITH b AS (
                INSERT INTO credit_balances (partner_id, holder_id, kind, balance) VALUES ({partnerId}::uuid, {holder}::uuid, {kindName}::varchar, {quantity}::bigint)
                ON CONFLICT (partner_id, holder_id, kind) DO UPDATE SET balance = credit_balances.balance + EXCLUDED.balance
                RETURNING 1)
            INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
            SELECT {partnerId}::uuid, {accountId}::uuid, {kindName}::varchar, {entryType}::varchar, {quantity}::bigint, {reference}::varchar, {now}::timestamptz FROM b
            """, cancellationToken);
    }

    /// <summary>Takes <paramref name="quantity"/> if the holder has it; returns false and changes nothing otherwise.</summary>
    public async Task<bool> TryDebitAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken) =>
        await DebitReturningBalanceAsync(partnerId, accountId, kind, entryType, quantity, reference, cancellationToken) is not null;

    /// <summary>Takes <paramref name="quantity"/> if the holder has it and returns the balance left; null (nothing changed) otherwise.</summary>
    public async Task<long?> DebitReturningBalanceAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var now = clock.GetUtcNow();
        var entry = -quantity;
        var left = await db.Database.SqlQuery<long>($"""
            WITH b AS (
                UPDATE credit_balances SET balance = balance - {quantity}::bigint
                WHERE partner_id = {partnerId}::uuid AND holder_id = {holder}::uuid AND kind = {kindName}::varchar AND balance >= {quantity}::bigint
                RETURNING balance),
            e AS (
                INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
                SELECT {partnerId}::uuid, {accountId}::uuid, {kindName}::varchar, {entryType}::varchar, {entry}::bigint, {reference}::varchar, {now}::timestamptz FROM b)
            SELECT balance AS "Value" FROM b
            """).ToListAsync(cancellationToken);
        return left.Count == 1 ? left[0] : null;
    }

    /// <summary>
    /// Several debits of one holder's balance in one transaction and one commit: each, in order, is taken if what the
    /// earlier ones left covers it (a refused one changes nothing). Returns, for each, the balance left after it, or null
    /// where it was refused. Each taken debit appends its own entry, as <see cref="DebitReturningBalanceAsync"/> would.
    /// </summary>
    public async Task<long?[]> DebitEachReturningBalancesAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, IReadOnlyList<long> quantities, string reference, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var balance = await BalanceForUpdateAsync(partnerId, accountId, kind, cancellationToken);
        var left = new long?[quantities.Count];
        var entries = new List<long>(quantities.Count);
        for (var i = 0; i < quantities.Count; i++)
        {
            if (quantities[i] > 0 && balance >= quantities[i])
            {
                balance -= quantities[i];
                left[i] = balance;
                entries.Add(-quantities[i]);
            }
        }
        if (entries.Count > 0)
        {
            var holder = CreditBalance.HolderOf(accountId);
            var kindName = kind.ToString();
            var now = clock.GetUtcNow();
            var taken = -entries.Sum();
            var entryArray = entries.ToArray();
            await db.Database.ExecuteSqlAsync($"""
                WITH b AS (
                    UPDATE credit_balances SET balance = balance - {taken}::bigint
                    WHERE partner_id = {partnerId}::uuid AND holder_id = {holder}::uuid AND kind = {kindName}::varchar
                    RETURNING 1)
                INSERT INTO ledger_entries (partner_id, account_id, kind, entry_type, quantity, reference, created_at)
                SELECT {partnerId}::uuid, {accountId}::uuid, {kindName}::varchar, {entryType}::varchar, e.quantity, {reference}::varchar, {now}::timestamptz
                FROM b, unnest({entryArray}::bigint[]) WITH ORDINALITY AS e(quantity, position)
                ORDER BY e.position
                """, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return left;
    }

    /// <summary>Takes as much as the holder has, up to <paramref name="quantity"/>; returns what it took. Call inside a transaction.</summary>
    public async Task<long> DebitUpToAsync(Guid partnerId, Guid? accountId, CreditKind kind, string entryType, long quantity, string reference, CancellationToken cancellationToken)
    {
        var available = await BalanceForUpdateAsync(partnerId, accountId, kind, cancellationToken);
        var take = Math.Min(available, quantity);
        if (take <= 0)
        {
            return 0;
        }
        return await TryDebitAsync(partnerId, accountId, kind, entryType, take, reference, cancellationToken) ? take : 0;
    }

    /// <summary>A holder's balance, locked until the surrounding transaction ends.</summary>
    public async Task<long> BalanceForUpdateAsync(Guid partnerId, Guid? accountId, CreditKind kind, CancellationToken cancellationToken)
    {
        var holder = CreditBalance.HolderOf(accountId);
        var kindName = kind.ToString();
        var balances = await db.Database.SqlQuery<long>($"""
            SELECT balance AS "Value" FROM credit_balances
            WHERE partner_id = {partnerId}::uuid AND holder_id = {holder}::uuid AND kind = {kindName}::varchar FOR UPDATE
            """).ToListAsync(cancellationToken);
        return balances.Count == 0 ? 0 : balances[0];
    }
}
