using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Accounts.Data.Migrations
{
    /// <inheritdoc />
    public partial class PayerCardsAndReplacedInvitationLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "replaced_token_hash",
                table: "invitations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "partner_billing_profile_id",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_invitations_replaced_token_hash",
                table: "invitations",
                column: "replaced_token_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_invitations_replaced_token_hash",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "replaced_token_hash",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "partner_billing_profile_id",
                table: "accounts");
        }
    }
}
