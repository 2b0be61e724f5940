using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MigrationPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "migration_plans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PlanStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WeightMakespan = table.Column<long>(type: "INTEGER", nullable: false),
                    WeightCost = table.Column<long>(type: "INTEGER", nullable: false),
                    CalendarJson = table.Column<string>(type: "TEXT", nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    TargetsJson = table.Column<string>(type: "TEXT", nullable: false),
                    SolveStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Makespan = table.Column<int>(type: "INTEGER", nullable: true),
                    LowerBound = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectiveValue = table.Column<long>(type: "INTEGER", nullable: true),
                    ObjectiveBound = table.Column<long>(type: "INTEGER", nullable: true),
                    SolveJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_migration_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CorrectsId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_decisions_migration_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "migration_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plan_incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: true),
                    Pillar = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PackageKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_incidents_migration_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "migration_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_involvements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvolvedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_involvements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_involvements_migration_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "migration_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_packages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyId = table.Column<long>(type: "INTEGER", nullable: false),
                    Pillar = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Duration = table.Column<int>(type: "INTEGER", nullable: false),
                    UsesJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    After = table.Column<string>(type: "TEXT", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    EffortPersonDays = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    StaffCents = table.Column<long>(type: "INTEGER", nullable: false),
                    OneOffCents = table.Column<long>(type: "INTEGER", nullable: false),
                    RunningCentsPerMonth = table.Column<long>(type: "INTEGER", nullable: false),
                    LicenceCentsPerYear = table.Column<long>(type: "INTEGER", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Product = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Earliest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Latest = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HoldsJson = table.Column<string>(type: "TEXT", nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_packages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_packages_migration_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "migration_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_decisions_PlanId_DecidedOn",
                table: "plan_decisions",
                columns: new[] { "PlanId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_incidents_PlanId_OccurredOn",
                table: "plan_incidents",
                columns: new[] { "PlanId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_involvements_PlanId_BodyId",
                table: "plan_involvements",
                columns: new[] { "PlanId", "BodyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_plan_packages_PlanId_BodyId",
                table: "plan_packages",
                columns: new[] { "PlanId", "BodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_plan_packages_PlanId_Key",
                table: "plan_packages",
                columns: new[] { "PlanId", "Key" },
                unique: true);

            // The decision log is append-only (a correction is a new entry), as the audit log is.
            migrationBuilder.Sql(Aufsicht.Data.AuditLogTriggers.Sqlite("plan_decisions"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Aufsicht.Data.AuditLogTriggers.Drop(postgres: false, "plan_decisions"));

            migrationBuilder.DropTable(
                name: "plan_decisions");

            migrationBuilder.DropTable(
                name: "plan_incidents");

            migrationBuilder.DropTable(
                name: "plan_involvements");

            migrationBuilder.DropTable(
                name: "plan_packages");

            migrationBuilder.DropTable(
                name: "migration_plans");
        }
    }
}
