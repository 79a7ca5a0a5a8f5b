using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Accounts.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountLifecycleAndListing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The trigram index on list_search needs pg_trgm (a trusted extension: the database owner may create it).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            migrationBuilder.AddColumn<Guid>(
                name: "former_partner_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_email",
                table: "accounts",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scheduled_plan",
                table: "accounts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "list_cadence",
                table: "accounts",
                type: "text",
                nullable: true,
                computedColumnSql: "(plan ->> 'Cadence')",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "list_contacts",
                table: "accounts",
                type: "integer",
                nullable: false,
                computedColumnSql: "COALESCE((plan ->> 'Contacts')::integer, 0)",
                stored: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "list_expires",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: false,
                computedColumnSql: "COALESCE(current_period_end, '9999-12-31 00:00:00+00'::timestamptz)",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "list_search",
                table: "accounts",
                type: "text",
                nullable: true,
                computedColumnSql: "lower(name || ' ' || customer_name || ' ' || customer_email)",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "list_seats",
                table: "accounts",
                type: "integer",
                nullable: false,
                computedColumnSql: "COALESCE((plan ->> 'Seats')::integer, 0)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_cadence",
                table: "accounts",
                columns: new[] { "partner_id", "list_cadence" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_created",
                table: "accounts",
                columns: new[] { "partner_id", "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_expires",
                table: "accounts",
                columns: new[] { "partner_id", "list_expires", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_name",
                table: "accounts",
                columns: new[] { "partner_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_plan_size",
                table: "accounts",
                columns: new[] { "partner_id", "list_contacts", "list_seats", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_search",
                table: "accounts",
                column: "list_search")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_accounts_list_status",
                table: "accounts",
                columns: new[] { "partner_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_list_cadence",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_created",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_expires",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_name",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_plan_size",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_search",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_list_status",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "list_cadence",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "list_contacts",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "list_expires",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "list_search",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "list_seats",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "former_partner_id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "owner_email",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "scheduled_plan",
                table: "accounts");
        }
    }
}
