using System.Globalization;
using Aufsicht.Core.Migration;
using Aufsicht.Data;
using Aufsicht.Features.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Aufsicht.Features.Campaigns;

/// <summary>What a demo put into the migration inventory: bodies with rows, product rows (from the survey), workplaces (operating-system rows), mailboxes, register entries.</summary>
internal sealed record DemoInventoryTotals(int Bodies, int Products, int FromSurvey, int Workplaces, int Users, int Mailboxes, int Applications, int WithoutRegister);

/// <summary>
/// The migration inventory of the demo scenarios (issue 14; docs/migration-demo.md). <c>mv</c>: the survey's bodies of
/// Mecklenburg-Vorpommern with what a survey on video conferencing cannot know (Office, Windows, Exchange, Active
/// Directory, a small register). <c>sh</c>: a fictional Land shaped like Schleswig-Holstein's reference migration
/// (domain/migration.md) — a chancellery, ministries and a few hundred offices with 25,000 workplaces. Both are
/// deterministic (seeded <see cref="Random"/>) and written with one bulk insert per table.
/// </summary>
internal static class DemoMigration
{
    /// <summary>
    /// Microsoft Office per workplace and year, in cents: Schleswig-Holstein paid about €2.5m a year for Microsoft licences
    /// of 25,000 PCs (2020), i.e. €100 per workplace — https://www.pcwelt.de/news/Bundesland-wirft-MS-Office-Windows-raus-stattdessen-Libre-Office-Linux-11137461.html
    /// (domain/migration.md). The figure covers all Microsoft licences; the demo puts it on Office and invents the others below.
    /// </summary>
    public const long OfficeCents = 100_00;

    // Invented for the demo (no public source): the other products' licence or maintenance cost per unit and year.
    private const long WindowsCents = 35_00, ExchangeCents = 9_00, DirectoryCents = 6_00, SharePointCents = 15_00, TelephonyCents = 48_00, SkypeCents = 12_00, TeamsCents = 96_00;

    /// <summary>
    /// mv: fills the inventory from the demo campaign (the use case of the page), puts the first state authority's place
    /// in the tree as the ministry above the others (renamed, so the demo keeps its number of bodies), and adds Office,
    /// Windows, Exchange and Active Directory rows and a small register for the state authorities and districts.
    /// </summary>
    public static async Task SeedMvAsync(IServiceProvider services, long campaignId, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(services);
        var fill = await services.GetRequiredService<FillFromSurvey>().RunAsync(campaignId, cancel).ConfigureAwait(false);
        if (!fill.IsOk)
        {
            throw new InvalidOperationException("demo: filling the inventory from the demo campaign failed (a bug): " + fill.Errors[0].Key);
        }

        var db = services.GetRequiredService<AufsichtDb>();
        var bodies = await db.Bodies.Where(b => b.Kind == "state-authority" || b.Kind == "district").OrderBy(b => b.Id).ToListAsync(cancel).ConfigureAwait(false);
        var authorities = bodies.Where(b => b.Kind == "state-authority").ToList();
        if (authorities.Count >= 2)
        {
            var ministry = authorities[0];
            ministry.Name = "Ministerium für Inneres, Bau und Digitalisierung (Demo)";
            foreach (var office in authorities.Skip(1))
            {
                office.ParentId = ministry.Id;
            }

            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }

        var random = new Random(1409);
        var products = new List<InventoryProductRecord>();
        var applications = new List<InventoryApplicationRecord>();
        foreach (var body in bodies)
        {
            var workplaces = body.Kind == "district" ? random.Next(150, 900) : random.Next(20, 400);
            var users = (int)(workplaces * 1.15);
            var mailboxes = (int)(workplaces * 1.4);
            var windows = random.Next(3) == 0 ? "windows-10" : "windows-11";
            products.Add(Product(body.Id, "microsoft-office", Pillar.Office, workplaces, users, 0, random.Next(2) == 0 ? "2019" : "LTSC 2021", OfficeCents, random, now));
            products.Add(Product(body.Id, windows, Pillar.OperatingSystem, workplaces, users, 0, windows == "windows-10" ? "22H2" : "23H2", WindowsCents, random, now));
            products.Add(Product(body.Id, "exchange-server", Pillar.Mail, 0, users, mailboxes, random.Next(2) == 0 ? "2016 CU23" : "2019 CU14", ExchangeCents, random, now));
            products.Add(Product(body.Id, "active-directory", Pillar.Directory, 0, users, 0, "Windows Server 2019", DirectoryCents, random, now));
            if (random.NextDouble() < 0.5)
            {
                foreach (var (name, kind, depends, compatibility) in MvRegister.OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
                {
                    applications.Add(Application(body.Id, name, kind, depends, compatibility, Math.Max(1, users / random.Next(1, 6)), now));
                }
            }
        }

        await InsertAsync(db, products, applications, cancel).ConfigureAwait(false);
    }

    private static readonly (string Name, ApplicationKind Kind, string DependsOn, Compatibility Compatibility)[] MvRegister =
    [
        ("Vorgangsbearbeitung (E-Akte)", ApplicationKind.Specialised, "office-suite,windows,active-directory", Compatibility.Unknown),
        ("Haushaltsverfahren", ApplicationKind.Specialised, "browser", Compatibility.Compatible),
        ("Personalverwaltung", ApplicationKind.Specialised, "windows", Compatibility.Incompatible),
        ("Bauantragsverfahren", ApplicationKind.Specialised, "office-suite,windows", Compatibility.Unknown),
        ("Briefvorlage mit Landeswappen", ApplicationKind.Template, "office-suite", Compatibility.Compatible),
        ("Reisekostenabrechnung (Excel-Makro)", ApplicationKind.Macro, "office-suite,windows", Compatibility.Incompatible),
        ("Zeiterfassung", ApplicationKind.Specialised, "browser", Compatibility.Compatible),
    ];

    /// <summary>What the inventory holds now, for the demo's summary line.</summary>
    public static async Task<DemoInventoryTotals> TotalsAsync(AufsichtDb db, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var products = await db.InventoryProducts.AsNoTracking().Select(p => new { p.BodyId, p.Pillar, p.Workplaces, p.Users, p.Mailboxes, p.Source }).ToListAsync(cancel).ConfigureAwait(false);
        var registers = await db.InventoryApplications.AsNoTracking().Select(a => a.BodyId).ToListAsync(cancel).ConfigureAwait(false);
        var withRegister = registers.ToHashSet();
        var bodies = products.Select(p => p.BodyId).Concat(registers).Distinct().Count();
        // Every workplace has one operating system: its rows count the workplaces (Office rows would count them again).
        var workplaces = products.Where(p => p.Pillar == Pillar.OperatingSystem).Sum(p => p.Workplaces);
        var users = products.Where(p => p.Pillar == Pillar.Directory).Sum(p => p.Users);
        var mailboxes = products.Where(p => p.Pillar == Pillar.Mail).Sum(p => p.Mailboxes);
        var without = products.Where(p => p.Workplaces > 0 && !withRegister.Contains(p.BodyId)).Select(p => p.BodyId).Distinct().Count();
        return new DemoInventoryTotals(bodies, products.Count, products.Count(p => p.Source == InventorySource.Survey), workplaces, users, mailboxes, registers.Count, without);
    }

    /// <summary>The Schleswig-Holstein-like Land: bodies as a tree, their products and registers. Returns the number of bodies.</summary>
    public static async Task<int> SeedStateAsync(AufsichtDb db, DateTime now, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(db);
        var random = new Random(2024);
        var roots = StateTree(random);
        var all = new List<(Unit Unit, BodyRecord Record, Unit? Parent)>();
        void Walk(Unit unit, Unit? parent)
        {
            var n = all.Count + 1;
            all.Add((unit, new BodyRecord
            {
                ExternalId = string.Create(CultureInfo.InvariantCulture, $"SH-DEMO-{n:0000}"),
                Name = unit.Name,
                Kind = "state-authority",
                Region = unit.Region,
                State = "SH",
                PublicBody = true,
                ContactEmail = string.Create(CultureInfo.InvariantCulture, $"it-{n}@demo.invalid"),
                Language = "de",
                CreatedAt = now,
                UpdatedAt = now,
            }, parent));
            foreach (var child in unit.Children)
            {
                Walk(child, unit);
            }
        }

        foreach (var root in roots)
        {
            Walk(root, null);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // Bodies level by level, so a parent has its id before its children are written.
        var byUnit = all.ToDictionary(x => x.Unit, x => x.Record);
        for (var level = 0; ; level++)
        {
            var batch = all.Where(x => x.Unit.Depth == level).ToList();
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var (_, record, parent) in batch)
            {
                record.ParentId = parent is null ? null : byUnit[parent].Id;
            }

            db.Bodies.AddRange(batch.Select(x => x.Record));
            await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        }

        // 25,000 workplaces shared by weight (domain/migration.md: about 25,000 IT workplaces, about 30,000 employees).
        const int total = 25_000;
        var weights = all.Select(x => x.Unit.Weight * (0.75 + (random.NextDouble() / 2))).ToArray();
        var sum = weights.Sum();
        var seats = weights.Select(w => Math.Max(3, (int)Math.Round(w / sum * total))).ToArray();
        seats[Array.IndexOf(weights, weights.Max())] += total - seats.Sum();

        // A handful of bodies still keep everything on Microsoft; a pilot of about 250 Linux workplaces (summer 2026).
        var pilot = new HashSet<int>(Enumerable.Range(0, all.Count).Where(i => all[i].Unit.Profile == "ministry").Take(3));
        var withoutRegister = new HashSet<int>(Enumerable.Range(0, all.Count).Where(i => all[i].Unit.Children.Count == 0).OrderBy(_ => random.Next()).Take(6));
        var products = new List<InventoryProductRecord>();
        var applications = new List<InventoryApplicationRecord>();
        for (var i = 0; i < all.Count; i++)
        {
            var (unit, body, _) = all[i];
            var id = body.Id;
            var workplaces = seats[i];
            var users = (int)Math.Round(workplaces * 1.2);
            // Personal plus functional and shared mailboxes: 40,000+ for 30,000 staff.
            var mailboxes = (int)Math.Round(workplaces * 1.66);
            var libreOffice = random.NextDouble() < 0.92;
            if (libreOffice)
            {
                products.Add(Product(id, "libreoffice", Pillar.Office, workplaces, users, 0, random.Next(2) == 0 ? "24.8" : "25.2", 0, null, now));
            }

            // About 80 % of the Office licences were cancelled by November 2025: the rest stays where applications need it.
            var office = libreOffice ? (random.NextDouble() < 0.45 ? (int)Math.Round(workplaces * random.Next(15, 45) / 100.0) : 0) : workplaces;
            if (office > 0)
            {
                products.Add(Product(id, "microsoft-office", Pillar.Office, office, (int)Math.Round(office * 1.2), 0, random.Next(3) == 0 ? "2019" : "LTSC 2021", OfficeCents, random, now));
            }

            var linux = pilot.Contains(i) ? Math.Min(workplaces / 2, 85) : 0;
            if (linux > 0)
            {
                products.Add(Product(id, "linux-desktop", Pillar.OperatingSystem, linux, linux, 0, "Pilot 2026", 0, null, now));
            }

            var windows = random.Next(4) == 0 ? "windows-10" : "windows-11";
            products.Add(Product(id, windows, Pillar.OperatingSystem, workplaces - linux, (int)Math.Round((workplaces - linux) * 1.2), 0, windows == "windows-10" ? "22H2" : "23H2", WindowsCents, random, now));
            // Mail moved to Open-Xchange by October 2025 for most; a few bodies are still on Exchange.
            products.Add(random.NextDouble() < 0.94
                ? Product(id, "open-xchange", Pillar.Mail, 0, users, mailboxes, "8", null, null, now)
                : Product(id, "exchange-server", Pillar.Mail, 0, users, mailboxes, random.Next(2) == 0 ? "2016 CU23" : "2019 CU14", ExchangeCents, random, now));
            products.Add(Product(id, "active-directory", Pillar.Directory, 0, users, 0, random.Next(2) == 0 ? "Windows Server 2016" : "Windows Server 2019", DirectoryCents, random, now));
            if (unit.Profile == "ministry" || random.NextDouble() < 0.6)
            {
                products.Add(Product(id, "sharepoint-server", Pillar.Collaboration, 0, users, 0, random.Next(2) == 0 ? "2019" : "Subscription Edition", SharePointCents, random, now));
            }

            products.Add(Product(id, "proprietary-telephony", Pillar.Telephony, 0, users, 0, random.Next(2) == 0 ? "Cisco UCM 12.5" : "Unify OpenScape 10", TelephonyCents, random, now));
            // OpenTalk reached the state bodies by the end of 2025; Skype for Business lingers in some, Teams in a few ministries.
            if (random.NextDouble() < 0.85)
            {
                products.Add(Product(id, "opentalk", Pillar.Video, 0, users, 0, "v24", null, null, now));
            }
            else
            {
                products.Add(Product(id, "skype-for-business-server", Pillar.Video, 0, users, 0, "2019", SkypeCents, random, now));
            }

            if (unit.Profile == "ministry" && random.NextDouble() < 0.4)
            {
                var teams = Math.Max(5, users / 10);
                products.Add(Product(id, "teams-m365", Pillar.Video, 0, teams, 0, null, TeamsCents, random, now));
            }

            if (!withoutRegister.Contains(i))
            {
                var register = Register(unit.Profile);
                foreach (var (name, kind, depends) in register.OrderBy(_ => random.Next()).Take(random.Next(Math.Min(3, register.Length), register.Length + 1)))
                {
                    applications.Add(Application(id, name, kind, depends, RandomCompatibility(random, kind), Math.Max(1, users / random.Next(1, 8)), now));
                }
            }
        }

        await InsertAsync(db, products, applications, cancel).ConfigureAwait(false);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return all.Count;
    }

    private static Compatibility RandomCompatibility(Random random, ApplicationKind kind)
    {
        var roll = random.NextDouble();
        // Macros break more often than specialised applications behind a browser (Munich: 900 uncontrolled macros).
        var worse = kind == ApplicationKind.Macro ? 0.15 : 0;
        return roll switch
        {
            _ when roll < 0.55 - worse => Compatibility.Compatible,
            _ when roll < 0.72 => Compatibility.NeedsWork,
            _ when roll < 0.79 => Compatibility.Incompatible,
            _ when roll < 0.95 => Compatibility.Unknown,
            _ => Compatibility.Replaced,
        };
    }

    private static readonly (string, ApplicationKind, string)[] Common =
    [
        ("Haushaltsverfahren", ApplicationKind.Specialised, "browser,active-directory"),
        ("Personalverwaltung", ApplicationKind.Specialised, "windows,active-directory"),
        ("Vorgangsbearbeitung (E-Akte)", ApplicationKind.Specialised, "office-suite,windows,active-directory"),
        ("Zeiterfassung", ApplicationKind.Specialised, "browser"),
        ("Briefvorlage mit Landeswappen", ApplicationKind.Template, "office-suite"),
        ("Reisekostenabrechnung (Excel-Makro)", ApplicationKind.Macro, "office-suite,windows"),
        ("Serienbrief-Makro für Bescheide", ApplicationKind.Macro, "office-suite"),
    ];

    private static (string, ApplicationKind, string)[] Register(string profile) => profile switch
    {
        "finance" => [.. Common, ("Steuerfestsetzung", ApplicationKind.Specialised, "windows,active-directory"), ("Erhebung und Vollstreckung", ApplicationKind.Specialised, "windows"), ("Prüfberichtsvorlagen Betriebsprüfung", ApplicationKind.Template, "office-suite")],
        "police" => [.. Common, ("Vorgangsbearbeitung Polizei", ApplicationKind.Specialised, "windows,active-directory"), ("Einsatzleitsystem", ApplicationKind.Specialised, "windows"), ("Anzeigenvorlagen", ApplicationKind.Template, "office-suite")],
        "justice" => [.. Common, ("Fachverfahren Justiz (Verfahrensregister)", ApplicationKind.Specialised, "office-suite,windows"), ("Elektronischer Rechtsverkehr", ApplicationKind.Specialised, "browser,windows"), ("Urteils- und Beschlussvorlagen", ApplicationKind.Template, "office-suite"), ("Kostenberechnung (Excel-Makro)", ApplicationKind.Macro, "office-suite,windows")],
        "court" => [.. Common, ("Fachverfahren Justiz (Verfahrensregister)", ApplicationKind.Specialised, "office-suite,windows"), ("Grundbuchverfahren", ApplicationKind.Specialised, "windows"), ("Urteils- und Beschlussvorlagen", ApplicationKind.Template, "office-suite")],
        "environment" => [.. Common, ("Geoinformationssystem", ApplicationKind.Specialised, "windows"), ("Messnetzauswertung (Excel-Makro)", ApplicationKind.Macro, "office-suite,windows")],
        "social" => [.. Common, ("Leistungsverfahren Eingliederungshilfe", ApplicationKind.Specialised, "browser,exchange"), ("Bescheidvorlagen", ApplicationKind.Template, "office-suite")],
        "school" => [.. Common, ("Lehrkräfteverwaltung", ApplicationKind.Specialised, "windows"), ("Unterrichtsversorgung (Excel-Makro)", ApplicationKind.Macro, "office-suite,windows")],
        "roads" => [.. Common, ("Straßeninformationsbank", ApplicationKind.Specialised, "windows"), ("Ausschreibungsvorlagen", ApplicationKind.Template, "office-suite")],
        _ => [.. Common, ("Kabinettsvorlagen", ApplicationKind.Template, "office-suite"), ("Landtagsanfragen (Word-Makro)", ApplicationKind.Macro, "office-suite,windows,exchange")],
    };

    private static InventoryProductRecord Product(long bodyId, string product, Pillar pillar, int workplaces, int users, int mailboxes, string? version, long? cents, Random? contract, DateTime now)
    {
        // Contracts end between 2027 and 2029 at the end of a quarter, with three to six months' notice; products without
        // a licence (LibreOffice, Linux) or run by the Land's provider (Open-Xchange, OpenTalk) have none.
        DateOnly? end = contract is null ? null : new DateOnly(contract.Next(2027, 2030), 3 * contract.Next(1, 5), 1).AddMonths(1).AddDays(-1);
        return new InventoryProductRecord
        {
            BodyId = bodyId,
            Product = product,
            Pillar = pillar,
            Workplaces = workplaces,
            Users = users,
            Mailboxes = mailboxes,
            Version = version,
            LicenceCentsPerUnitYear = cents,
            ContractEnd = end,
            NoticeMonths = contract?.Next(3, 7),
            Source = InventorySource.Import,
            UpdatedAt = now,
        };
    }

    private static InventoryApplicationRecord Application(long bodyId, string name, ApplicationKind kind, string dependsOn, Compatibility compatibility, int users, DateTime now) => new()
    {
        BodyId = bodyId,
        Name = name,
        Kind = kind,
        DependsOn = dependsOn,
        Compatibility = compatibility,
        Users = users,
        Source = InventorySource.Import,
        UpdatedAt = now,
    };

    private static async Task InsertAsync(AufsichtDb db, List<InventoryProductRecord> products, List<InventoryApplicationRecord> applications, CancellationToken cancel)
    {
        db.InventoryProducts.AddRange(products);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.InventoryApplications.AddRange(applications);
        await db.SaveChangesAsync(cancel).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>A body of the fictional Land before it is stored: its weight in workplaces, the profile its register comes from, its offices.</summary>
    private sealed class Unit(string name, double weight, string profile, string? region, int depth)
    {
        public string Name { get; } = name;

        public double Weight { get; } = weight;

        public string Profile { get; } = profile;

        public string? Region { get; } = region;

        public int Depth { get; } = depth;

        public List<Unit> Children { get; } = [];

        public Unit Add(string childName, double childWeight, string childProfile, string? childRegion = null)
        {
            var child = new Unit(childName, childWeight, childProfile, childRegion ?? Region, Depth + 1);
            Children.Add(child);
            return child;
        }
    }

    private static readonly string[] Kreise = ["Kreis Nordmarsch", "Kreis Geestland", "Kreis Fördeufer", "Kreis Holmwiek", "Kreis Seenplatte-West", "Kreis Lauenrade", "Kreis Dithwiek", "Kreis Störmark", "Kreis Plönhagen", "Kreis Ostholm", "Kreisfreie Stadt Fördestadt", "Kreisfreie Stadt Travenau"];

    /// <summary>The chancellery and nine ministries with their offices; invented names, shaped like a northern German Land.</summary>
    private static List<Unit> StateTree(Random random)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        // 16 × 22 = 352 names for about 200 places that need one.
        string[] first = ["Nord", "Süd", "Ost", "West", "Alt", "Neu", "Hohen", "Groß", "Klein", "Lütten", "Ober", "Nieder", "Brok", "Hasel", "Moor", "Wester"];
        string[] last = ["wiek", "büttel", "stedt", "holm", "koog", "rade", "hude", "marsch", "förde", "au", "hagen", "felde", "dorf", "sand", "kamp", "horst", "beek", "fleth", "ohe", "moor", "tofte", "lund"];
        string Town()
        {
            while (true)
            {
                var town = first[random.Next(first.Length)] + last[random.Next(last.Length)];
                if (used.Add(town))
                {
                    return town;
                }
            }
        }

        string Kreis() => Kreise[random.Next(Kreise.Length)];
        const string capital = "Kreisfreie Stadt Fördestadt";
        var roots = new List<Unit>();
        Unit Ministry(string name, double weight)
        {
            var m = new Unit(name + " (Demo)", weight, "ministry", capital, 0);
            roots.Add(m);
            return m;
        }

        var chancellery = Ministry("Staatskanzlei", 4);
        chancellery.Add("Landesvertretung beim Bund (Demo)", 0.6, "ministry");
        chancellery.Add("Statistikamt Nord-Demo (Demo)", 2, "ministry");

        var interior = Ministry("Ministerium für Inneres, Kommunales und Sport", 5);
        var police = interior.Add("Landespolizeiamt (Demo)", 6, "police");
        for (var d = 0; d < 8; d++)
        {
            var town = Town();
            var direction = police.Add($"Polizeidirektion {town} (Demo)", 6, "police", Kreise[d]);
            var stations = random.Next(10, 14);
            for (var r = 0; r < stations; r++)
            {
                direction.Add($"Polizeirevier {Town()} (Demo)", 2.6, "police");
            }
        }

        interior.Add("Landesamt für Zuwanderung und Flüchtlinge (Demo)", 3, "social");
        interior.Add("Landesamt für Verfassungsschutz (Demo)", 2, "ministry");
        interior.Add("Landesfeuerwehrschule (Demo)", 0.8, "school");
        interior.Add("Landesamt für Vermessung und Geoinformation (Demo)", 3, "environment");

        var justice = Ministry("Ministerium für Justiz und Gesundheit", 4);
        var olg = justice.Add("Oberlandesgericht (Demo)", 4, "justice");
        for (var l = 0; l < 4; l++)
        {
            var landgericht = olg.Add($"Landgericht {Town()} (Demo)", 4, "justice", Kreise[l * 2]);
            var courts = random.Next(5, 8);
            for (var a = 0; a < courts; a++)
            {
                landgericht.Add($"Amtsgericht {Town()} (Demo)", 2.2, "court");
            }
        }

        var prosecution = justice.Add("Generalstaatsanwaltschaft (Demo)", 1.5, "justice");
        for (var s = 0; s < 4; s++)
        {
            prosecution.Add($"Staatsanwaltschaft {Town()} (Demo)", 3, "justice", Kreise[(s * 3) + 1]);
        }

        for (var j = 0; j < 5; j++)
        {
            justice.Add($"Justizvollzugsanstalt {Town()} (Demo)", 2, "justice", Kreis());
        }

        justice.Add("Landessozialgericht (Demo)", 1.5, "justice");
        justice.Add("Landesarbeitsgericht (Demo)", 1.2, "justice");
        justice.Add("Oberverwaltungsgericht (Demo)", 1.2, "justice");

        var finance = Ministry("Finanzministerium", 4);
        var tax = finance.Add("Landesamt für Steuern (Demo)", 3, "finance");
        for (var f = 0; f < 17; f++)
        {
            tax.Add($"Finanzamt {Town()} (Demo)", 9, "finance", Kreise[f % Kreise.Length]);
        }

        finance.Add("Dienstleistungszentrum Personal (Demo)", 3.5, "finance");
        finance.Add("Landesbetrieb Gebäudemanagement (Demo)", 2.5, "roads");
        finance.Add("Landeskasse (Demo)", 1.2, "finance");

        var education = Ministry("Ministerium für Allgemeine und Berufliche Bildung", 4);
        education.Add("Institut für Qualitätsentwicklung an Schulen (Demo)", 2.5, "school");
        foreach (var kreis in Kreise)
        {
            education.Add($"Schulamt {kreis.Replace("Kreisfreie Stadt ", "", StringComparison.Ordinal).Replace("Kreis ", "", StringComparison.Ordinal)} (Demo)", 1, "school", kreis);
        }

        for (var b = 0; b < 16; b++)
        {
            education.Add($"Berufsbildungszentrum {Town()} (Demo)", 1.6, "school", Kreise[b % Kreise.Length]);
        }

        var science = Ministry("Ministerium für Wissenschaft, Forschung und Kultur", 3);
        science.Add("Landesarchiv (Demo)", 1.5, "ministry");
        science.Add("Landesbibliothek (Demo)", 1, "ministry");
        science.Add("Landesamt für Denkmalpflege (Demo)", 1, "environment");
        science.Add("Archäologisches Landesamt (Demo)", 1, "environment");

        var economy = Ministry("Ministerium für Wirtschaft, Verkehr, Arbeit und Technologie", 4);
        var roads = economy.Add("Landesbetrieb Straßenbau und Verkehr (Demo)", 4, "roads");
        for (var n = 0; n < 6; n++)
        {
            roads.Add($"Niederlassung {Town()} (Demo)", 3, "roads", Kreise[n * 2]);
        }

        economy.Add("Eichdirektion Nord-Demo (Demo)", 1, "roads");
        economy.Add("Landesamt für Arbeitsschutz (Demo)", 1.5, "social");

        var environment = Ministry("Ministerium für Energiewende, Klimaschutz, Umwelt und Natur", 4);
        var lfu = environment.Add("Landesamt für Umwelt (Demo)", 5, "environment");
        for (var u = 0; u < 5; u++)
        {
            lfu.Add($"Außenstelle {Town()} (Demo)", 1.5, "environment", Kreise[u + 3]);
        }

        environment.Add("Nationalparkverwaltung Wattenmeer-Demo (Demo)", 1, "environment");
        environment.Add("Landesbetrieb Küstenschutz (Demo)", 2.5, "environment");

        var agriculture = Ministry("Ministerium für Landwirtschaft, ländliche Räume und Verbraucherschutz", 3);
        for (var r = 0; r < 4; r++)
        {
            agriculture.Add($"Landesamt für Landwirtschaft und ländliche Räume, Standort {Town()} (Demo)", 2, "environment", Kreise[r * 3]);
        }

        agriculture.Add("Landeslabor (Demo)", 2, "environment");

        var social = Ministry("Ministerium für Soziales, Jugend, Familie, Senioren, Integration und Gleichstellung", 3);
        var lasd = social.Add("Landesamt für soziale Dienste (Demo)", 4, "social");
        for (var s = 0; s < 4; s++)
        {
            lasd.Add($"Außenstelle {Town()} (Demo)", 2.5, "social", Kreise[(s * 2) + 1]);
        }

        social.Add("Landesjugendamt (Demo)", 1, "social");
        return roots;
    }
}
