using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aufsicht.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Authority = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlanStart = table.Column<DateOnly>(type: "date", nullable: false),
                    Objective = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WeightMakespan = table.Column<long>(type: "bigint", nullable: false),
                    WeightCost = table.Column<long>(type: "bigint", nullable: false),
                    CalendarJson = table.Column<string>(type: "text", nullable: false),
                    ParametersJson = table.Column<string>(type: "text", nullable: false),
                    TargetsJson = table.Column<string>(type: "text", nullable: false),
                    SolveStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Makespan = table.Column<int>(type: "integer", nullable: true),
                    LowerBound = table.Column<int>(type: "integer", nullable: true),
                    ObjectiveValue = table.Column<long>(type: "bigint", nullable: true),
                    ObjectiveBound = table.Column<long>(type: "bigint", nullable: true),
                    SolveJson = table.Column<string>(type: "text", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_migration_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "plan_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CorrectsId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    BodyId = table.Column<long>(type: "bigint", nullable: true),
                    Pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PackageKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Cause = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    InvolvedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Phase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Duration = table.Column<int>(type: "integer", nullable: false),
                    UsesJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    After = table.Column<string>(type: "text", nullable: false),
                    Units = table.Column<int>(type: "integer", nullable: false),
                    EffortPersonDays = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    StaffCents = table.Column<long>(type: "bigint", nullable: false),
                    OneOffCents = table.Column<long>(type: "bigint", nullable: false),
                    RunningCentsPerMonth = table.Column<long>(type: "bigint", nullable: false),
                    LicenceCentsPerYear = table.Column<long>(type: "bigint", nullable: false),
                    ContractEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Product = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Earliest = table.Column<DateOnly>(type: "date", nullable: true),
                    Latest = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    HoldsJson = table.Column<string>(type: "text", nullable: true),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Edited = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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
            migrationBuilder.Sql(Aufsicht.Data.AuditLogTriggers.Postgres("plan_decisions"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Aufsicht.Data.AuditLogTriggers.Drop(postgres: true, "plan_decisions"));

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
