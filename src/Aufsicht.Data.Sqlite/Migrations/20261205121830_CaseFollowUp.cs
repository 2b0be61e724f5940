using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CaseDocumentId",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Court",
                table: "letterhead",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Seat",
                table: "letterhead",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CaseId",
                table: "invitations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OpenUntil",
                table: "invitations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Culpability",
                table: "cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DataSubjects",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FollowUpAskedAt",
                table: "cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SpecialCategories",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_CaseDocumentId",
                table: "outbox",
                column: "CaseDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_invitations_CaseId",
                table: "invitations",
                column: "CaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_CaseDocumentId",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_invitations_CaseId",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "CaseDocumentId",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "Court",
                table: "letterhead");

            migrationBuilder.DropColumn(
                name: "Seat",
                table: "letterhead");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "OpenUntil",
                table: "invitations");

            migrationBuilder.DropColumn(
                name: "Culpability",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "DataSubjects",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FollowUpAskedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "SpecialCategories",
                table: "cases");
        }
    }
}
