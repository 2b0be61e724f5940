using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanComputeJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ComputeError",
                table: "migration_plans",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ComputeRequestedAt",
                table: "migration_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComputeRequestedBy",
                table: "migration_plans",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ComputeSeconds",
                table: "migration_plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ComputeStartedAt",
                table: "migration_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComputeState",
                table: "migration_plans",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "none"); // the plans that exist wait for nothing

            migrationBuilder.CreateIndex(
                name: "IX_migration_plans_ComputeState_ComputeRequestedAt",
                table: "migration_plans",
                columns: new[] { "ComputeState", "ComputeRequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_migration_plans_ComputeState_ComputeRequestedAt",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeError",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeRequestedAt",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeRequestedBy",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeSeconds",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeStartedAt",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "ComputeState",
                table: "migration_plans");
        }
    }
}
