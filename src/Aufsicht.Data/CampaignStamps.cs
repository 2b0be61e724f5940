namespace Aufsicht.Data;

/// <summary>
/// A counter per campaign that moves whenever anything its dashboard shows changes: an evaluation, a service verdict,
/// a response, a message in the outbox, a service named in free text, a target, or the name, kind or region of a
/// target body. Database triggers move it in the same transaction as the change, whoever writes (this instance,
/// another one on the same PostgreSQL, a CLI verb), so a figure cached under a stamp is exact while the stamp stands.
/// </summary>
public sealed class CampaignStampRecord
{
    public long CampaignId { get; set; }

    public long Stamp { get; set; }
}

/// <summary>The triggers behind <see cref="CampaignStampRecord"/>, one script per provider, run by the migrations.</summary>
public static class CampaignStampTriggers
{
    /// <summary>The tables whose rows carry a "CampaignId" and feed the dashboard.</summary>
    private static readonly string[] Tables = ["evaluations", "evaluation_services", "responses", "outbox", "other_services", "campaign_bodies"];

    private const string BodyColumnsChanged = """OLD."Name" IS NOT NEW."Name" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."Region" IS NOT NEW."Region" """;

    /// <summary>
    /// SQLite: row triggers that run at once. SQLite lets one writer in at a time, so the counter row cannot make
    /// writers wait for each other in a cycle.
    /// </summary>
    public static string Sqlite()
    {
        static string Bump(string campaign) =>
            $"""INSERT INTO campaign_stamps ("CampaignId", "Stamp") VALUES ({campaign}, 1) ON CONFLICT ("CampaignId") DO UPDATE SET "Stamp" = "Stamp" + 1;""";
        var script = new System.Text.StringBuilder();
        foreach (var table in Tables)
        {
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_insert AFTER INSERT ON {table} WHEN NEW.\"CampaignId\" IS NOT NULL BEGIN {Bump("NEW.\"CampaignId\"")} END;");
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_update AFTER UPDATE ON {table} WHEN NEW.\"CampaignId\" IS NOT NULL BEGIN {Bump("NEW.\"CampaignId\"")} END;");
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_delete AFTER DELETE ON {table} WHEN OLD.\"CampaignId\" IS NOT NULL BEGIN {Bump("OLD.\"CampaignId\"")} END;");
        }

        script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"""
            CREATE TRIGGER stamp_bodies_update AFTER UPDATE ON bodies WHEN {BodyColumnsChanged}
            BEGIN
              INSERT INTO campaign_stamps ("CampaignId", "Stamp") SELECT "CampaignId", 1 FROM campaign_bodies WHERE "BodyId" = NEW."Id"
              ON CONFLICT ("CampaignId") DO UPDATE SET "Stamp" = "Stamp" + 1;
            END;
            """);
        return script.ToString();
    }

    /// <summary>
    /// PostgreSQL: constraint triggers deferred to the commit, so the counter row is the last lock a transaction takes
    /// (it never holds it while waiting for another row: no deadlock), and bumped once per campaign and transaction.
    /// </summary>
    public static string Postgres()
    {
        var script = new System.Text.StringBuilder("""
            CREATE FUNCTION aufsicht_stamp_campaign(campaign bigint) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF campaign IS NULL OR current_setting('aufsicht.stamped_' || campaign, true) = '1' THEN RETURN; END IF;
              PERFORM set_config('aufsicht.stamped_' || campaign, '1', true);
              INSERT INTO campaign_stamps ("CampaignId", "Stamp") VALUES (campaign, 1)
              ON CONFLICT ("CampaignId") DO UPDATE SET "Stamp" = campaign_stamps."Stamp" + 1;
            END $$;
            CREATE FUNCTION aufsicht_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN PERFORM aufsicht_stamp_campaign(OLD."CampaignId"); END IF;
              IF TG_OP <> 'DELETE' THEN PERFORM aufsicht_stamp_campaign(NEW."CampaignId"); END IF;
              RETURN NULL;
            END $$;
            CREATE FUNCTION aufsicht_stamp_body() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM aufsicht_stamp_campaign(t."CampaignId") FROM campaign_bodies t WHERE t."BodyId" = NEW."Id";
              RETURN NULL;
            END $$;

            """);
        foreach (var table in Tables)
        {
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"CREATE CONSTRAINT TRIGGER stamp_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION aufsicht_stamp_row();");
        }

        script.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"CREATE CONSTRAINT TRIGGER stamp_bodies AFTER UPDATE ON bodies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ({BodyColumnsChanged.Replace("IS NOT", "IS DISTINCT FROM", StringComparison.Ordinal)}) EXECUTE FUNCTION aufsicht_stamp_body();");
        return script.ToString();
    }

    /// <summary>Undoes either script (the migrations' Down).</summary>
    public static string Drop(bool postgres)
    {
        var script = new System.Text.StringBuilder();
        foreach (var table in Tables)
        {
            if (postgres)
            {
                script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS stamp_{table} ON {table};");
            }
            else
            {
                foreach (var op in (string[])["insert", "update", "delete"])
                {
                    script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS stamp_{table}_{op};");
                }
            }
        }

        script.AppendLine(postgres ? "DROP TRIGGER IF EXISTS stamp_bodies ON bodies;" : "DROP TRIGGER IF EXISTS stamp_bodies_update;");
        if (postgres)
        {
            script.AppendLine("DROP FUNCTION IF EXISTS aufsicht_stamp_body(); DROP FUNCTION IF EXISTS aufsicht_stamp_row(); DROP FUNCTION IF EXISTS aufsicht_stamp_campaign(bigint);");
        }

        return script.ToString();
    }
}
