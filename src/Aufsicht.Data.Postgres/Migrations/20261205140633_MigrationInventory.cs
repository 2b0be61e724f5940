using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Aufsicht.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MigrationInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ParentId",
                table: "bodies",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "inventory_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DependsOn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Compatibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Users = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inventory_applications_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inventory_products",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BodyId = table.Column<long>(type: "bigint", nullable: false),
                    Product = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Pillar = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Workplaces = table.Column<int>(type: "integer", nullable: false),
                    Users = table.Column<int>(type: "integer", nullable: false),
                    Mailboxes = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LicenceCentsPerUnitYear = table.Column<long>(type: "bigint", nullable: true),
                    ContractEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeMonths = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CampaignId = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inventory_products", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inventory_products_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bodies_ParentId",
                table: "bodies",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_inventory_applications_BodyId_Name",
                table: "inventory_applications",
                columns: new[] { "BodyId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inventory_products_BodyId_Product",
                table: "inventory_products",
                columns: new[] { "BodyId", "Product" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inventory_applications");

            migrationBuilder.DropTable(
                name: "inventory_products");

            migrationBuilder.DropIndex(
                name: "IX_bodies_ParentId",
                table: "bodies");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "bodies");
        }
    }
}
