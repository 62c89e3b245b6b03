/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gw-checklist.h"
#include "gw-date.h"
#include "gw-demo.h"
#include "gw-ladder.h"
#include "gw-rotation.h"
#include "gw-store-meetings.h"
#include "gw-member.h"
#include "gw-store-members.h"
#include "gw-store-ledger.h"
#include "gw-store-notebook.h"
#include "gw-store-private.h"

/* A sample chapter of a tenant union and mutual-aid group in a neighbourhood
 * where several language communities live side by side. The sample is built
 * from a seeded GRand and dated relative to a fixed day rather than today, so
 * that the same seed always gives the same roster and the same history: tests
 * and benchmarks can rely on it, and screenshots do not drift. */

#define REFERENCE_YEAR  2026
#define REFERENCE_MONTH G_DATE_NOVEMBER
#define REFERENCE_DAY   1

/* How far back the oldest member joined, in days (about three years). */
#define HISTORY_DAYS 1095

#define DEMO_SEED 20261101

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

typedef enum
{
  COMMUNITY_LATIN_AMERICAN,
  COMMUNITY_VIETNAMESE,
  COMMUNITY_SOMALI,
  COMMUNITY_FILIPINO,
  COMMUNITY_ARAB,
  COMMUNITY_HAITIAN,
  COMMUNITY_CANTONESE,
  COMMUNITY_MANDARIN,
  COMMUNITY_POLISH,
  COMMUNITY_ENGLISH,
  N_COMMUNITIES
} Community;

/* Percentages of the neighbourhood; they add up to 100. */
static const guint community_weights[N_COMMUNITIES] = { 22, 11, 9, 8, 9, 8, 6, 5, 6, 16 };

typedef struct
{
  const char *given;
  const char *nick;     /* what people call them, or NULL */
  gboolean    female;
  const char *native;   /* the given name in its own script, or NULL */
} Given;

typedef struct
{
  const char *latin;
  const char *native;
} Family;

typedef struct
{
  const char *male;
  const char *female;
} GenderedFamily;

static const Given latin_american_given[] = {
  { "María", NULL, TRUE }, { "Guadalupe", "Lupe", TRUE }, { "Rosa", "Doña Rosa", TRUE },
  { "Ana Lucía", NULL, TRUE }, { "Carmen", "Doña Carmen", TRUE }, { "Sofía", NULL, TRUE },
  { "Yesenia", "Yesi", TRUE }, { "Marisol", NULL, TRUE }, { "Verónica", "Vero", TRUE },
  { "Inés", NULL, TRUE }, { "Ximena", NULL, TRUE }, { "Concepción", "Conchita", TRUE },
  { "Dolores", "Lola", TRUE }, { "María José", "Majo", TRUE },
  { "José", "Pepe", FALSE }, { "Juan Carlos", NULL, FALSE }, { "Luis", NULL, FALSE },
  { "Jesús", "Chuy", FALSE }, { "Miguel Ángel", NULL, FALSE }, { "Andrés", NULL, FALSE },
  { "Héctor", NULL, FALSE }, { "Raúl", NULL, FALSE }, { "Óscar", NULL, FALSE },
  { "Ramón", "Don Ramón", FALSE }, { "Francisco", "Pancho", FALSE }, { "Joaquín", NULL, FALSE },
  { "Efraín", NULL, FALSE },
};

static const char * const latin_american_family[] = {
  "Martínez", "García", "Hernández", "López", "González", "Rodríguez", "Pérez", "Sánchez",
  "Ramírez", "Flores", "Gómez", "Díaz", "Cruz", "Morales", "Ortiz", "Gutiérrez", "Chávez",
  "Ramos", "Núñez", "Muñoz", "Jiménez", "Vásquez", "Castañeda", "Ibáñez", "Peña", "Quiñones",
  "Avilés", "Mejía", "Zúñiga", "Orellana",
};

static const char * const vietnamese_family[] = {
  "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
  "Ngô", "Dương", "Lý", "Trương",
};

static const Given vietnamese_given[] = {
  { "Lan", NULL, TRUE }, { "Hoa", NULL, TRUE }, { "Mai", NULL, TRUE }, { "Hương", NULL, TRUE },
  { "Linh", NULL, TRUE }, { "Thảo", NULL, TRUE }, { "Trang", NULL, TRUE }, { "Hạnh", NULL, TRUE },
  { "Phương", NULL, TRUE }, { "Nga", NULL, TRUE }, { "Tuyết", NULL, TRUE }, { "Loan", NULL, TRUE },
  { "Yến", NULL, TRUE }, { "Nhung", NULL, TRUE },
  { "Anh", NULL, FALSE }, { "Hùng", NULL, FALSE }, { "Dũng", NULL, FALSE }, { "Tuấn", NULL, FALSE },
  { "Long", NULL, FALSE }, { "Khoa", NULL, FALSE }, { "Bảo", NULL, FALSE }, { "Phúc", NULL, FALSE },
  { "Quang", NULL, FALSE }, { "Sơn", NULL, FALSE }, { "Thắng", NULL, FALSE }, { "Hải", NULL, FALSE },
  { "Cường", NULL, FALSE }, { "Việt", NULL, FALSE },
};

static const char * const vietnamese_middle_female[] = { "Ngọc", "Thanh", "Hồng", "Kim", "Thu" };
static const char * const vietnamese_middle_male[] = { "Minh", "Đức", "Quốc", "Hữu", "Thành" };
static const char * const vietnamese_english_female[] = { "Linda", "Kathy", "Jenny", "Tina" };
static const char * const vietnamese_english_male[] = { "Tony", "Kevin", "Peter", "Danny" };

static const Given somali_given[] = {
  { "Hodan", NULL, TRUE }, { "Amina", NULL, TRUE }, { "Faadumo", NULL, TRUE },
  { "Sahra", NULL, TRUE }, { "Hawa", NULL, TRUE }, { "Ifrah", NULL, TRUE }, { "Ayaan", NULL, TRUE },
  { "Khadra", NULL, TRUE }, { "Nimco", NULL, TRUE }, { "Ubah", NULL, TRUE }, { "Sagal", NULL, TRUE },
  { "Deeqa", NULL, TRUE }, { "Hibo", NULL, TRUE }, { "Sucaad", NULL, TRUE }, { "Muna", NULL, TRUE },
  { "Abdirahman", NULL, FALSE }, { "Maxamed", NULL, FALSE }, { "Mohamed", NULL, FALSE },
  { "Ahmed", NULL, FALSE }, { "Abdi", NULL, FALSE }, { "Hassan", NULL, FALSE },
  { "Yusuf", NULL, FALSE }, { "Omar", NULL, FALSE }, { "Abdullahi", NULL, FALSE },
  { "Bashir", NULL, FALSE }, { "Liban", NULL, FALSE }, { "Mahad", NULL, FALSE },
  { "Guled", NULL, FALSE }, { "Abdiqani", NULL, FALSE }, { "Cabdi", NULL, FALSE },
};

/* Somali names go given name, father's name, grandfather's name. */
static const char * const somali_patronymic[] = {
  "Warsame", "Farah", "Jama", "Hirsi", "Aden", "Osman", "Ali", "Nur", "Egal", "Dahir",
  "Ismail", "Mohamud", "Abdi", "Yusuf", "Hassan", "Cali", "Guleed", "Samatar",
};

static const char * const somali_epithet[] = { "Dheere", "Yare", "Gaab", "Cadde" };

static const Given filipino_given[] = {
  { "Maria Theresa", "Tess", TRUE }, { "Rosario", "Charing", TRUE }, { "Lourdes", "Lulu", TRUE },
  { "Marites", NULL, TRUE }, { "Jocelyn", "Joy", TRUE }, { "Analyn", NULL, TRUE },
  { "Maricel", "Cel", TRUE }, { "Cristina", "Tina", TRUE }, { "Remedios", "Medy", TRUE },
  { "Perla", NULL, TRUE },
  { "Jose Maria", "Jun", FALSE }, { "Rodrigo", "Rod", FALSE }, { "Ernesto", "Ernie", FALSE },
  { "Reynaldo", "Rey", FALSE }, { "Ramon", "Mon", FALSE }, { "Danilo", "Danny", FALSE },
  { "Mark Anthony", "Mac", FALSE }, { "Jericho", "Echo", FALSE }, { "Eduardo", "Eddie", FALSE },
  { "Rogelio", "Bong", FALSE },
};

static const char * const filipino_family[] = {
  "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Villanueva",
  "Dela Cruz", "Aquino", "Castillo", "Mercado", "Tolentino", "Manalo", "Dela Peña",
  "Magbanua", "Pangilinan", "Soriano", "Macaraeg", "Dimaculangan",
};

static const Given arab_given[] = {
  { "Fatima", NULL, TRUE, "فاطمة" }, { "Layla", NULL, TRUE, "ليلى" },
  { "Yasmin", NULL, TRUE, "ياسمين" }, { "Nour", NULL, TRUE, "نور" }, { "Rania", NULL, TRUE },
  { "Huda", NULL, TRUE }, { "Samira", NULL, TRUE }, { "Amal", NULL, TRUE },
  { "Mariam", NULL, TRUE, "مريم" }, { "Zeinab", NULL, TRUE }, { "Hanan", NULL, TRUE },
  { "Rasha", NULL, TRUE },
  { "Ahmad", NULL, FALSE, "أحمد" }, { "Mahmoud", NULL, FALSE }, { "Khaled", NULL, FALSE, "خالد" },
  { "Omar", NULL, FALSE, "عمر" }, { "Youssef", NULL, FALSE, "يوسف" }, { "Karim", NULL, FALSE },
  { "Tariq", NULL, FALSE }, { "Samir", NULL, FALSE }, { "Hussein", NULL, FALSE },
  { "Bilal", NULL, FALSE }, { "Ibrahim", NULL, FALSE }, { "Walid", NULL, FALSE },
};

static const char * const arab_family[] = {
  "Haddad", "Khoury", "Mansour", "Al-Masri", "Nasser", "Saleh", "Hamdan", "Darwish",
  "Abdallah", "El-Sayed", "Qasim", "Barakat", "Suleiman", "Al-Tamimi", "Shalabi", "Awad",
};

/* A parent is often called after the eldest son: Umm Khaled, Abu Omar. */
static const char * const arab_son[] = {
  "Khaled", "Omar", "Ahmad", "Youssef", "Mahmoud", "Karim", "Ali", "Hassan",
};

static const Given haitian_given[] = {
  { "Marie-Claire", NULL, TRUE }, { "Rose-Marie", "Manmi Rose", TRUE }, { "Nadège", NULL, TRUE },
  { "Guerline", NULL, TRUE }, { "Mirlande", NULL, TRUE }, { "Fabienne", NULL, TRUE },
  { "Widline", NULL, TRUE }, { "Lovely", NULL, TRUE }, { "Stéphanie", NULL, TRUE },
  { "Josette", "Tante Josette", TRUE }, { "Ketly", NULL, TRUE }, { "Mireille", NULL, TRUE },
  { "Jean-Baptiste", "Ti Jean", FALSE }, { "Pierre-Louis", NULL, FALSE },
  { "Jean-Robert", "Ti Robert", FALSE }, { "Wilner", "Ti Wil", FALSE }, { "Frantz", NULL, FALSE },
  { "Réginald", "Reggie", FALSE }, { "Fritzner", NULL, FALSE }, { "Emmanuel", "Manno", FALSE },
  { "Jean-Claude", NULL, FALSE }, { "Wisly", NULL, FALSE }, { "Gérald", NULL, FALSE },
};

static const char * const haitian_family[] = {
  "Joseph", "Pierre", "Jean-Louis", "Charles", "Baptiste", "Étienne", "Désir", "Toussaint",
  "Saint-Fleur", "Célestin", "Augustin", "Dorvil", "Petit-Frère", "Lafontant", "Jean-Pierre",
  "Noël", "Béliard", "Exantus",
};

/* Cantonese speakers here mostly write traditional characters. */
static const Given cantonese_given[] = {
  { "Mei Ling", "Amy", TRUE, "美玲" }, { "Siu Fong", "Fanny", TRUE, "小芳" },
  { "Lai Ching", "Lily", TRUE, "麗晶" }, { "Ka Yan", "Karen", TRUE, "嘉欣" },
  { "Wai Ling", "Winnie", TRUE, "慧玲" }, { "Suk Yee", "Cecilia", TRUE, "淑儀" },
  { "Kwok Wing", "Leslie", FALSE, "國榮" }, { "Wai Man", "Raymond", FALSE, "偉文" },
  { "Chi Keung", "Kenny", FALSE, "志強" }, { "Ka Fai", "Kevin", FALSE, "家輝" },
  { "Tak Wah", "Peter", FALSE, "德華" }, { "Siu Ming", NULL, FALSE, "小明" },
};

static const Family cantonese_family[] = {
  { "Chan", "陳" }, { "Wong", "黃" }, { "Leung", "梁" }, { "Lam", "林" }, { "Ho", "何" },
  { "Lee", "李" }, { "Cheung", "張" }, { "Ng", "吳" }, { "Tang", "鄧" }, { "Yip", "葉" },
  { "Lau", "劉" }, { "Kwok", "郭" },
};

static const Given mandarin_given[] = {
  { "Xiuying", NULL, TRUE, "秀英" }, { "Meiling", NULL, TRUE, "美玲" },
  { "Jiahui", "Grace", TRUE, "佳慧" }, { "Yan", NULL, TRUE, "燕" },
  { "Xiaoli", "Helen", TRUE, "晓丽" }, { "Jing", NULL, TRUE, "静" },
  { "Wei", NULL, FALSE, "伟" }, { "Jun", "David", FALSE, "军" }, { "Hao", NULL, FALSE, "浩" },
  { "Xiaoming", NULL, FALSE, "小明" }, { "Jianguo", NULL, FALSE, "建国" },
  { "Zhiqiang", "Jack", FALSE, "志强" },
};

static const Family mandarin_family[] = {
  { "Chen", "陈" }, { "Wang", "王" }, { "Li", "李" }, { "Zhang", "张" }, { "Liu", "刘" },
  { "Zhou", "周" }, { "Lin", "林" }, { "Huang", "黄" }, { "Zhao", "赵" }, { "Wu", "吴" },
  { "Yang", "杨" }, { "Xu", "徐" },
};

static const Given polish_given[] = {
  { "Agnieszka", "Aga", TRUE }, { "Katarzyna", "Kasia", TRUE }, { "Małgorzata", "Gosia", TRUE },
  { "Żaneta", NULL, TRUE }, { "Joanna", "Asia", TRUE }, { "Ewa", NULL, TRUE },
  { "Bożena", NULL, TRUE }, { "Urszula", "Ula", TRUE }, { "Halina", "Pani Halina", TRUE },
  { "Łukasz", NULL, FALSE }, { "Paweł", NULL, FALSE }, { "Krzysztof", "Krzysiek", FALSE },
  { "Wojciech", "Wojtek", FALSE }, { "Piotr", "Piotrek", FALSE }, { "Grzegorz", "Grzesiek", FALSE },
  { "Józef", "Pan Józef", FALSE }, { "Tomasz", "Tomek", FALSE }, { "Zbigniew", "Zbyszek", FALSE },
};

static const GenderedFamily polish_family[] = {
  { "Kowalski", "Kowalska" }, { "Wiśniewski", "Wiśniewska" }, { "Wójcik", "Wójcik" },
  { "Kamiński", "Kamińska" }, { "Lewandowski", "Lewandowska" }, { "Zieliński", "Zielińska" },
  { "Szymański", "Szymańska" }, { "Woźniak", "Woźniak" }, { "Dąbrowski", "Dąbrowska" },
  { "Kozłowski", "Kozłowska" }, { "Jankowski", "Jankowska" }, { "Mazur", "Mazur" },
  { "Król", "Król" }, { "Wróbel", "Wróbel" }, { "Pawłowski", "Pawłowska" }, { "Sikora", "Sikora" },
};

static const Given english_given[] = {
  { "Patricia", "Pat", TRUE }, { "Linda", NULL, TRUE }, { "Denise", NULL, TRUE },
  { "Keisha", NULL, TRUE }, { "Shanice", NULL, TRUE }, { "Brenda", "Ms. Brenda", TRUE },
  { "Megan", NULL, TRUE }, { "Tanya", NULL, TRUE }, { "Dorothy", "Miss Dot", TRUE },
  { "Gloria", NULL, TRUE }, { "Ashley", NULL, TRUE }, { "Tamika", NULL, TRUE },
  { "James", "Jimmy", FALSE }, { "Darnell", NULL, FALSE }, { "Robert", "Bobby", FALSE },
  { "Tyrone", NULL, FALSE }, { "Michael", "Mike", FALSE }, { "Kevin", NULL, FALSE },
  { "William", "Bill", FALSE }, { "Marcus", NULL, FALSE }, { "Dennis", NULL, FALSE },
  { "Terrence", "T", FALSE }, { "Andre", "Dre", FALSE }, { "Curtis", NULL, FALSE },
};

static const char * const english_family[] = {
  "Johnson", "Williams", "Brown", "Jackson", "Washington", "Miller", "O'Brien", "Thompson",
  "Harris", "Robinson", "Walker", "Murphy", "Davis", "Coleman", "Brooks", "Sullivan",
};

/* The languages are names a person reads in the roster, so they are
 * translated; the store keeps whatever text the organization typed. */
static const char * const community_language[N_COMMUNITIES] = {
  /* Translators: a language someone in the sample roster speaks. */
  N_("Spanish"),
  N_("Vietnamese"),
  N_("Somali"),
  N_("Tagalog"),
  N_("Arabic"),
  N_("Haitian Creole"),
  N_("Cantonese"),
  N_("Mandarin"),
  N_("Polish"),
  N_("English"),
};

typedef struct
{
  const char *street;
  gboolean    building;   /* a block of flats rather than a street */
  const char *tag;        /* the building committee's tag, or NULL */
} Place;

/* Street and building names stay as they are on the signs. */
static const Place places[] = {
  /* Translators: a tag for people who live in one building of the sample roster. */
  { "Elm St", FALSE, N_("Elm St building") },
  { "Riverside Towers", TRUE, N_("Riverside Towers") },
  { "Maple Ave", FALSE, NULL },
  { "Cedar Court", TRUE, N_("Cedar Court") },
  { "Harbor Rd", FALSE, NULL },
  { "Linden St", FALSE, NULL },
  { "Eastgate Homes", TRUE, N_("Eastgate Homes") },
  { "5th Ave", FALSE, NULL },
  { "Station Square", FALSE, NULL },
};

typedef struct
{
  const char *tag;
  guint       percent;
} Tag;

static const Tag tags[] = {
  { N_("food distribution"), 24 },
  { N_("door-knocking"), 12 },
  { N_("phone tree"), 10 },
  { N_("childcare"), 8 },
  { N_("clothing drive"), 8 },
  { N_("rent strike committee"), 5 },
  { N_("legal clinic"), 5 },
  { N_("youth program"), 4 },
  { N_("driver"), 4 },
};

static const char * const skills[] = {
  N_("cooking for large groups"),
  N_("driving (has a van)"),
  N_("bookkeeping"),
  N_("carpentry and repairs"),
  N_("graphic design"),
  N_("first aid"),
  N_("sewing and mending"),
  N_("knows housing law basics"),
  N_("social media"),
  N_("public speaking"),
  N_("plumbing"),
  N_("spreadsheets"),
  N_("banners and sign painting"),
  N_("teaching English classes"),
  N_("childcare"),
};

static const char * const notes[] = {
  N_("Prefers calls after 6 pm."),
  N_("Works nights: text, don't call."),
  N_("Landlord has ignored repair requests about mould for a year."),
  N_("Can host small meetings at home."),
  N_("Needs childcare to come to meetings."),
  N_("Came to the very first food distribution."),
  N_("Met while door-knocking; interested in the rent strike."),
  N_("Received an eviction notice; connected with the legal clinic."),
  N_("Has a car and can help with deliveries on weekends."),
  N_("Knows most of the families in the building."),
};

static const char * const agreement_notes[] = {
  N_("Read the points of unity together at a study session."),
  N_("Agreed after the orientation for new members."),
  N_("Went through the points of unity with the person who recruited them."),
};

static const char * const member_notes[] = {
  N_("Attended two study sessions and the orientation."),
  N_("Active for three months in food distribution."),
  N_("Agreed at the general meeting."),
  N_("Took part in the door-knocking and the follow-up calls."),
};

static const char * const cadre_notes[] = {
  N_("Has trained new members in door-knocking."),
  N_("Led the rent strike committee through the repairs campaign."),
  N_("Served as secretary several times and trained others to do it."),
  N_("Runs the study group and keeps up the follow-up calls."),
};

static const char * const step_back_notes[] = {
  N_("Asked to step back: new job, less time."),
  N_("Stepped back to care for family."),
  N_("Did not keep up with the study sessions; agreed at the review."),
};

static const char * const inactive_notes[] = {
  N_("Not seen for two months; needs a call."),
  N_("Working double shifts for now."),
  N_("Out of the country for the summer."),
};

static const char * const left_notes[] = {
  N_("Moved out of the neighbourhood."),
  N_("Evicted; moved in with family across town."),
  N_("Left after a disagreement; the door is open."),
};

static const char * const email_domains[] = {
  "example.org", "example.net", "example.com", "mail.example",
};

typedef enum
{
  TRACK_VOLUNTEER,
  TRACK_MEMBER,
  TRACK_CADRE,
} Track;

/* An ISO 8601 date and its terminating nul. */
typedef char IsoDate[11];

typedef struct
{
  char    *name;
  guint32  since;   /* Julian day they became cadre */
} Approver;

typedef struct
{
  GRand    *rand;
  guint32   first_day;            /* Julian day of dates[0] */
  guint32   last_day;             /* the reference day */
  IsoDate  *dates;                /* ISO dates from first_day to last_day */
  GArray   *approvers;            /* of Approver */
  GArray   *by_community[N_COMMUNITIES];  /* of gint64, in order of joining */
  GArray   *everyone;             /* of gint64, in order of joining */
  const char *general_meeting;
  GArray   *meetings;             /* of DemoMeeting, in date order */
  guint32  *joined;               /* the day each of everyone joined */
  guint     n_pool;               /* people who opted in to the rotation */
  int       need_member_study;
  int       need_cadre_study;
  int       need_cadre_months;
  int       need_cadre_turns;
} Demo;

typedef enum
{
  DEMO_GENERAL,
  DEMO_STUDY,
  DEMO_DISTRIBUTION,
} DemoKind;

typedef struct
{
  gint64    id;
  guint32   day;
  DemoKind  kind;
  gboolean  has_secretary;
} DemoMeeting;

static void
clear_approver (gpointer data)
{
  Approver *approver = data;

  g_free (approver->name);
}

static void
demo_clear (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_clear_pointer (&demo->dates, g_free);
  g_clear_pointer (&demo->approvers, g_array_unref);
  g_clear_pointer (&demo->everyone, g_array_unref);
  g_clear_pointer (&demo->meetings, g_array_unref);
  for (guint i = 0; i < N_COMMUNITIES; i++)
    g_clear_pointer (&demo->by_community[i], g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Demo, demo_clear)

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

static const char *
day_text (Demo    *demo,
          guint32  day)
{
  g_assert (day >= demo->first_day && day <= demo->last_day);
  return demo->dates[day - demo->first_day];
}

/* A day between @from and the reference day, usually @low to @high days
 * after @from; squeezed into what is left when the reference day is close,
 * so that a recent joiner's history still ends before it. */
static guint32
pick_day_after (Demo    *demo,
                guint32  from,
                int      low,
                int      high)
{
  guint32 room = demo->last_day - from;
  guint32 delay = g_rand_int_range (demo->rand, low, high + 1);

  if (delay > room)
    delay = g_rand_int_range (demo->rand, 0, room + 1);

  return from + delay;
}

/* Someone who was already cadre on @day, or the general meeting when the
 * chapter had none yet. */
static const char *
pick_approver (Demo    *demo,
               guint32  day)
{
  if (demo->approvers->len == 0)
    return demo->general_meeting;

  if (chance (demo, 0.1))
    return demo->general_meeting;

  for (guint attempt = 0; attempt < 4; attempt++)
    {
      guint i = g_rand_int_range (demo->rand, 0, demo->approvers->len);
      const Approver *approver = &g_array_index (demo->approvers, Approver, i);

      if (approver->since <= day)
        return approver->name;
    }

  return demo->general_meeting;
}

static Community
pick_community (Demo *demo)
{
  guint roll = g_rand_int_range (demo->rand, 0, 100);

  for (guint i = 0; i < N_COMMUNITIES; i++)
    {
      if (roll < community_weights[i])
        return i;
      roll -= community_weights[i];
    }

  return COMMUNITY_ENGLISH;
}

/* Returns the full name (owned); sets @female and @community_name (owned,
 * or NULL when the person goes by their full name). */
static char *
make_name (Demo       *demo,
           Community   community,
           gboolean   *female,
           char      **community_name)
{
  GRand *rand = demo->rand;
  const Given *given;
  char *name = NULL;

  *community_name = NULL;

  switch (community)
    {
    case COMMUNITY_LATIN_AMERICAN:
      given = &PICK (rand, latin_american_given);
      if (chance (demo, 0.35))
        name = g_strdup_printf ("%s %s %s", given->given, PICK (rand, latin_american_family),
                                PICK (rand, latin_american_family));
      else
        name = g_strdup_printf ("%s %s", given->given, PICK (rand, latin_american_family));
      if (given->nick != NULL && chance (demo, 0.4))
        *community_name = g_strdup (given->nick);
      break;

    case COMMUNITY_VIETNAMESE:
      {
        const char *family;
        const char *middle;

        given = &PICK (rand, vietnamese_given);
        /* About a third of Vietnamese people carry the family name Nguyễn. */
        family = chance (demo, 0.35) ? "Nguyễn" : PICK (rand, vietnamese_family);
        if (given->female)
          middle = chance (demo, 0.6) ? "Thị" : PICK (rand, vietnamese_middle_female);
        else
          middle = chance (demo, 0.55) ? "Văn" : PICK (rand, vietnamese_middle_male);
        name = g_strdup_printf ("%s %s %s", family, middle, given->given);

        if (chance (demo, 0.3))
          *community_name = g_strdup_printf ("%s %s",
                                             given->female ? (chance (demo, 0.5) ? "Cô" : "Chị")
                                                           : (chance (demo, 0.5) ? "Chú" : "Anh"),
                                             given->given);
        else if (chance (demo, 0.1))
          *community_name = g_strdup (given->female ? PICK (rand, vietnamese_english_female)
                                                    : PICK (rand, vietnamese_english_male));
      }
      break;

    case COMMUNITY_SOMALI:
      given = &PICK (rand, somali_given);
      if (chance (demo, 0.45))
        name = g_strdup_printf ("%s %s %s", given->given, PICK (rand, somali_patronymic),
                                PICK (rand, somali_patronymic));
      else
        name = g_strdup_printf ("%s %s", given->given, PICK (rand, somali_patronymic));
      if (!given->female && chance (demo, 0.15))
        *community_name = g_strdup_printf ("%s %s", given->given, PICK (rand, somali_epithet));
      else if (given->female && chance (demo, 0.1))
        *community_name = g_strdup_printf ("Eedo %s", given->given);
      break;

    case COMMUNITY_FILIPINO:
      given = &PICK (rand, filipino_given);
      if (chance (demo, 0.3))
        name = g_strdup_printf ("%s %c. %s", given->given,
                                "ABCDGLMPRSTV"[g_rand_int_range (rand, 0, 12)],
                                PICK (rand, filipino_family));
      else
        name = g_strdup_printf ("%s %s", given->given, PICK (rand, filipino_family));
      if (given->nick != NULL && chance (demo, 0.55))
        {
          if (chance (demo, 0.15))
            *community_name = g_strdup_printf ("%s %s", given->female ? "Tita" : "Tito",
                                               given->nick);
          else
            *community_name = g_strdup (given->nick);
        }
      break;

    case COMMUNITY_ARAB:
      given = &PICK (rand, arab_given);
      name = g_strdup_printf ("%s %s", given->given, PICK (rand, arab_family));
      if (chance (demo, 0.2))
        *community_name = g_strdup_printf ("%s %s", given->female ? "Umm" : "Abu",
                                           PICK (rand, arab_son));
      else if (given->native != NULL && chance (demo, 0.15))
        *community_name = g_strdup (given->native);
      break;

    case COMMUNITY_HAITIAN:
      given = &PICK (rand, haitian_given);
      name = g_strdup_printf ("%s %s", given->given, PICK (rand, haitian_family));
      if (given->nick != NULL && chance (demo, 0.45))
        *community_name = g_strdup (given->nick);
      break;

    case COMMUNITY_CANTONESE:
    case COMMUNITY_MANDARIN:
      {
        const Family *family;

        if (community == COMMUNITY_CANTONESE)
          {
            given = &PICK (rand, cantonese_given);
            family = &PICK (rand, cantonese_family);
          }
        else
          {
            given = &PICK (rand, mandarin_given);
            family = &PICK (rand, mandarin_family);
          }

        /* Some use an English given name day to day and keep their Chinese
         * name for family and neighbours; others the other way round. */
        if (given->nick != NULL && chance (demo, 0.35))
          {
            name = g_strdup_printf ("%s %s", given->nick, family->latin);
            *community_name = g_strdup_printf ("%s%s", family->native, given->native);
          }
        else
          {
            name = g_strdup_printf ("%s %s", family->latin, given->given);
            if (chance (demo, 0.3))
              *community_name = g_strdup_printf ("%s%s", family->native, given->native);
          }
      }
      break;

    case COMMUNITY_POLISH:
      {
        const GenderedFamily *family = &PICK (rand, polish_family);

        given = &PICK (rand, polish_given);
        name = g_strdup_printf ("%s %s", given->given,
                                given->female ? family->female : family->male);
        if (given->nick != NULL && chance (demo, 0.45))
          *community_name = g_strdup (given->nick);
      }
      break;

    case COMMUNITY_ENGLISH:
    case N_COMMUNITIES:
    default:
      given = &PICK (rand, english_given);
      name = g_strdup_printf ("%s %s", given->given, PICK (rand, english_family));
      if (given->nick != NULL && chance (demo, 0.4))
        *community_name = g_strdup (given->nick);
      break;
    }

  *female = given->female;
  return name;
}

/* An address in the words a neighbour would use. */
static char *
make_address (Demo        *demo,
              const Place *place)
{
  GRand *rand = demo->rand;

  if (place->building)
    {
      if (chance (demo, 0.6))
        return g_strdup_printf ("%s, apt %d%c", place->street,
                                g_rand_int_range (rand, 1, 15),
                                'A' + g_rand_int_range (rand, 0, 8));
      return g_strdup (place->street);
    }

  if (chance (demo, 0.55))
    return g_strdup_printf ("%d %s, apt %d%c", 100 * g_rand_int_range (rand, 1, 9)
                                               + g_rand_int_range (rand, 0, 60),
                            place->street, g_rand_int_range (rand, 1, 6),
                            'A' + g_rand_int_range (rand, 0, 4));
  return g_strdup_printf ("%s, %d00 block", place->street, g_rand_int_range (rand, 1, 9));
}

static char *
make_email (Demo       *demo,
            const char *full_name)
{
  g_autofree char *ascii = g_str_to_ascii (full_name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  g_autoptr(GString) local = g_string_new (NULL);
  gboolean dots = chance (demo, 0.6);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (local, *p);
      else if (dots && local->len > 0 && local->str[local->len - 1] != '.')
        g_string_append_c (local, '.');
    }

  if (!dots || chance (demo, 0.3))
    g_string_append_printf (local, "%d", g_rand_int_range (demo->rand, 1, 100));

  return g_strdup_printf ("%s@%s", local->str, PICK (demo->rand, email_domains));
}

/* Fictional numbers: 555-0100 to 555-0199 is reserved for fiction, and the
 * rest of 555-0xxx reads the same way to anyone looking at the screen. */
static char *
make_phone (Demo *demo)
{
  int line = g_rand_int_range (demo->rand, 0, 1000);

  if (chance (demo, 0.3))
    return g_strdup_printf ("(612) 555-0%03d", line);
  return g_strdup_printf ("555-0%03d", line);
}

static void
pick_languages (Demo       *demo,
                Community   community,
                const char *languages[4])
{
  guint n = 0;

  languages[n++] = _(community_language[community]);

  switch (community)
    {
    case COMMUNITY_LATIN_AMERICAN:
      if (chance (demo, 0.55))
        languages[n++] = _("English");
      if (chance (demo, 0.04))
        /* Translators: a Mayan language of Guatemala. */
        languages[n++] = _("K'iche'");
      break;

    case COMMUNITY_VIETNAMESE:
    case COMMUNITY_MANDARIN:
      if (chance (demo, 0.45))
        languages[n++] = _("English");
      break;

    case COMMUNITY_SOMALI:
      if (chance (demo, 0.55))
        languages[n++] = _("English");
      if (chance (demo, 0.25))
        languages[n++] = _("Arabic");
      break;

    case COMMUNITY_FILIPINO:
      if (chance (demo, 0.85))
        languages[n++] = _("English");
      if (chance (demo, 0.1))
        languages[n++] = _("Ilocano");
      break;

    case COMMUNITY_ARAB:
      if (chance (demo, 0.6))
        languages[n++] = _("English");
      if (chance (demo, 0.15))
        languages[n++] = _("French");
      break;

    case COMMUNITY_HAITIAN:
      if (chance (demo, 0.4))
        languages[n++] = _("French");
      if (chance (demo, 0.55))
        languages[n++] = _("English");
      break;

    case COMMUNITY_CANTONESE:
      if (chance (demo, 0.45))
        languages[n++] = _("English");
      if (chance (demo, 0.2))
        languages[n++] = _("Mandarin");
      break;

    case COMMUNITY_POLISH:
      if (chance (demo, 0.7))
        languages[n++] = _("English");
      break;

    case COMMUNITY_ENGLISH:
    case N_COMMUNITIES:
    default:
      if (chance (demo, 0.15))
        languages[n++] = _("Spanish");
      break;
    }

  languages[n] = NULL;
}

static char *
make_skills (Demo          *demo,
             const char * const *languages)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (demo->rand, 1, 3);

  /* Someone who speaks English and another language can often interpret. */
  if (languages[1] != NULL && g_strv_contains (languages, _("English")) && chance (demo, 0.3))
    {
      const char *other = strcmp (languages[0], _("English")) != 0 ? languages[0] : languages[1];

      /* Translators: a skill in the sample roster; %s is a language. */
      g_string_append_printf (text, _("interpreting %s–English"), other);
      n--;
    }

  for (guint i = 0; i < n; i++)
    {
      const char *skill = _(PICK (demo->rand, skills));

      if (strstr (text->str, skill) != NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, skill);
    }

  return g_string_free (text, text->len == 0);
}

static void
pick_tags (Demo          *demo,
           Track          track,
           const Place   *place,
           const char * const *languages,
           const char    *tag_list[16])
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_rand_int_range (demo->rand, 0, 100) < (int) tags[i].percent)
      tag_list[n++] = _(tags[i].tag);

  if (languages[1] != NULL && chance (demo, 0.2))
    tag_list[n++] = _("translation");

  if (track != TRACK_VOLUNTEER && chance (demo, 0.3))
    tag_list[n++] = _("study group");

  if (place->tag != NULL && chance (demo, 0.5))
    {
      tag_list[n++] = _(place->tag);
      if (chance (demo, track == TRACK_VOLUNTEER ? 0.03 : 0.15))
        tag_list[n++] = _("building captain");
    }

  tag_list[n] = NULL;
  g_assert (n < 16);
}

static const char *
pick_pronouns (Demo     *demo,
               gboolean  female)
{
  if (!chance (demo, 0.28))
    return NULL;

  if (chance (demo, 0.06))
    return "they/them";

  if (female)
    return chance (demo, 0.1) ? "she/they" : "she/her";

  return chance (demo, 0.05) ? "he/they" : "he/him";
}

static gboolean
add_unity_if_missing (GwStore  *store,
                      GError  **error)
{
  g_autoptr(GwUnityVersion) current = gw_store_dup_current_unity (store);
  g_autoptr(GwUnityVersion) added = NULL;

  if (current != NULL)
    return TRUE;

  added = gw_store_add_unity_version (store,
    _("1. Housing is a human need, not a commodity. Every tenant has the right to a safe, "
      "decent and affordable home, whatever their income, origin, language or papers.\n"
      "2. We rely on our own strength. We organize ourselves, fund ourselves through dues and "
      "neighbours' gifts, and take no money from landlords, developers, politicians or the "
      "state.\n"
      "3. An injury to one is an injury to all. We defend every neighbour against eviction, "
      "harassment, racism and displacement, and we never leave a neighbour to face a landlord "
      "alone.\n"
      "4. We serve the people. Our food distribution, clothing drives and childcare meet needs "
      "today and build the trust and unity we need to win tomorrow.\n"
      "5. We decide together and everyone learns to lead. Members decide democratically, "
      "responsibilities rotate, and those we elect are accountable and can be recalled."),
    error);

  return added != NULL;
}

/* Meetings. The sample chapter meets every month, studies every month and
 * hands out food every six weeks; study sessions and turns as secretary
 * come before the promotions that ask for them. */

static guint32
add_months (Demo    *demo,
            guint32  day,
            int      months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  g_date_add_months (&date, months);
  return g_date_get_julian (&date);
}

/* Checks @id in to the first @n_needed study sessions from @from on.
 * Returns the day of the last one, @from when none was needed, a day after
 * the reference day when there were not enough, or 0 on error. */
static guint32
attend_study_sessions (Demo     *demo,
                       GwStore  *store,
                       gint64    id,
                       guint32   from,
                       int       n_needed,
                       guint    *n_studied,
                       GError  **error)
{
  guint32 last = from;

  for (guint i = 0; i < demo->meetings->len && n_needed > 0; i++)
    {
      DemoMeeting *meeting = &g_array_index (demo->meetings, DemoMeeting, i);

      if (meeting->kind != DEMO_STUDY || meeting->day < from || meeting->day > demo->last_day)
        continue;

      if (!gw_store_check_in (store, meeting->id, id, error))
        return 0;

      n_needed--;
      (*n_studied)++;
      last = meeting->day;
    }

  return n_needed > 0 ? demo->last_day + 1 : last;
}

/* Makes @id secretary of the first meeting after @after still without one.
 * Returns its day, a day after the reference day when there is none, or 0
 * on error. */
static guint32
take_turn (Demo     *demo,
           GwStore  *store,
           gint64    id,
           guint32   after,
           GError  **error)
{
  for (guint i = 0; i < demo->meetings->len; i++)
    {
      DemoMeeting *meeting = &g_array_index (demo->meetings, DemoMeeting, i);

      if (meeting->day <= after || meeting->day > demo->last_day ||
          meeting->has_secretary || meeting->kind == DEMO_DISTRIBUTION)
        continue;

      if (!gw_rotation_assign (store, meeting->id, id, error) ||
          !gw_store_check_in (store, meeting->id, id, error))
        return 0;

      meeting->has_secretary = TRUE;
      return meeting->day;
    }

  return demo->last_day + 1;
}

static int
compare_meetings (gconstpointer a,
                  gconstpointer b)
{
  const DemoMeeting *ma = a;
  const DemoMeeting *mb = b;

  return (ma->day > mb->day) - (ma->day < mb->day);
}

static char *
julian_text (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static const char * const general_topics[] = {
  N_("Rent increases at Riverside Towers"),
  N_("Repairs campaign at Cedar Court"),
  N_("Planning the winter coat drive"),
  N_("The eviction defence phone tree"),
  N_("Permits for the food distribution"),
  N_("Door-knocking on Maple Ave: what we learned"),
};

static const char * const study_topics[] = {
  N_("Study: why we organize as a mass organization"),
  N_("Study: our points of unity"),
  N_("Study: how rents are set"),
  N_("Study: tenants’ rights under local law"),
  N_("Study: running a meeting as secretary"),
};

static const char * const action_texts[] = {
  N_("Call the people not seen for two months"),
  N_("Book the hall for the next meeting"),
  N_("Print flyers for the coat drive"),
  N_("Follow up on the building’s repair requests"),
  N_("Collect food donations from the market"),
  N_("Write up the door-knocking notes"),
};

static const char * const meeting_places[] = {
  N_("Community room, Riverside Towers"),
  N_("Church hall on Linden St"),
  N_("Back room of the Eastgate library"),
};

static gboolean
add_demo_meeting (Demo      *demo,
                  GwStore   *store,
                  gint64     kind_ids[3],
                  DemoKind   kind,
                  guint32    day,
                  GError   **error)
{
  g_autoptr(GwMeeting) draft = gw_meeting_new ();
  g_autofree char *date = julian_text (day);
  DemoMeeting meeting = { 0, day, kind, FALSE };

  gw_meeting_set_kind_id (draft, kind_ids[kind]);
  gw_meeting_set_date (draft, date);
  gw_meeting_set_time (draft, kind == DEMO_DISTRIBUTION ? "10:00" : "18:30");
  gw_meeting_set_place (draft, _(PICK (demo->rand, meeting_places)));
  if (kind == DEMO_STUDY)
    gw_meeting_set_title (draft, _(PICK (demo->rand, study_topics)));

  meeting.id = gw_store_add_meeting (store, draft, error);
  if (meeting.id == 0)
    return FALSE;

  g_array_append_val (demo->meetings, meeting);
  return TRUE;
}

static gboolean
create_calendar (Demo     *demo,
                 GwStore  *store,
                 GError  **error)
{
  g_autoptr(GPtrArray) kinds = gw_store_list_meeting_kinds (store);
  g_autofree char *today = gw_date_today ();
  gint64 kind_ids[3] = { 0, 0, 0 };
  guint32 after;
  GDate date;

  /* The defaults come first, in the order the schema made them. */
  for (guint i = 0; i < kinds->len; i++)
    {
      GwMeetingKind *kind = g_ptr_array_index (kinds, i);

      if (kind->is_study && kind_ids[DEMO_STUDY] == 0)
        kind_ids[DEMO_STUDY] = kind->id;
      else if (i == 0)
        kind_ids[DEMO_GENERAL] = kind->id;
      else if (i == 4)
        kind_ids[DEMO_DISTRIBUTION] = kind->id;
    }
  if (kind_ids[DEMO_DISTRIBUTION] == 0)
    kind_ids[DEMO_DISTRIBUTION] = kind_ids[DEMO_GENERAL];

  for (guint32 month = 0; month * 30 + 25 <= HISTORY_DAYS; month++)
    {
      guint32 start = add_months (demo, demo->first_day, month);

      if (!add_demo_meeting (demo, store, kind_ids, DEMO_GENERAL, start + 4, error) ||
          (start + 18 <= demo->last_day &&
           !add_demo_meeting (demo, store, kind_ids, DEMO_STUDY, start + 18, error)))
        return FALSE;
    }

  for (guint32 day = demo->first_day + 10; day <= demo->last_day; day += 42)
    if (!add_demo_meeting (demo, store, kind_ids, DEMO_DISTRIBUTION, day, error))
      return FALSE;

  /* A few meetings ahead of both the sample's last day and today. */
  g_date_clear (&date, 1);
  g_date_set_parse (&date, today);
  after = MAX (demo->last_day, g_date_valid (&date) ? g_date_get_julian (&date) : 0);
  if (!add_demo_meeting (demo, store, kind_ids, DEMO_GENERAL, after + 4, error) ||
      !add_demo_meeting (demo, store, kind_ids, DEMO_DISTRIBUTION, after + 11, error) ||
      !add_demo_meeting (demo, store, kind_ids, DEMO_STUDY, after + 18, error))
    return FALSE;

  g_array_sort (demo->meetings, compare_meetings);
  return TRUE;
}

static gboolean
set_demo_agenda (Demo         *demo,
                 GwStore      *store,
                 DemoMeeting  *meeting,
                 GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gw_agenda_item_free);

  switch (meeting->kind)
    {
    case DEMO_GENERAL:
      g_ptr_array_add (items, gw_agenda_item_new (_("Welcome and introductions")));
      g_ptr_array_add (items, gw_agenda_item_new (_("Reports from the committees")));
      g_ptr_array_add (items, gw_agenda_item_new (_(PICK (demo->rand, general_topics))));
      g_ptr_array_add (items, gw_agenda_item_new (_("Action items and next steps")));
      break;
    case DEMO_STUDY:
      g_ptr_array_add (items, gw_agenda_item_new (_("Reading aloud")));
      g_ptr_array_add (items, gw_agenda_item_new (_("Discussion in small groups")));
      g_ptr_array_add (items, gw_agenda_item_new (_("What we take into our work")));
      break;
    case DEMO_DISTRIBUTION:
    default:
      g_ptr_array_add (items, gw_agenda_item_new (_("Set-up and roles")));
      g_ptr_array_add (items, gw_agenda_item_new (_("Distribution")));
      g_ptr_array_add (items, gw_agenda_item_new (_("Clean-up and debrief")));
      break;
    }

  return gw_store_set_agenda (store, meeting->id, items, error);
}

/* How many people had joined by @day. */
static guint
count_joined (Demo    *demo,
              guint32  day)
{
  guint low = 0, high = demo->everyone->len;

  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (demo->joined[mid] <= day)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gboolean
hold_meeting (Demo         *demo,
              GwStore      *store,
              DemoMeeting  *meeting,
              GError      **error)
{
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *date = day_text (demo, meeting->day);
  guint n_joined = count_joined (demo, meeting->day);
  guint n_coming;

  if (n_joined == 0)
    return TRUE;

  /* Long-standing people come more often, as in any organization. */
  n_coming = MIN (n_joined, CLAMP (n_joined / 12, 6, 45) + g_rand_int_range (demo->rand, 0, 9));
  for (guint i = 0; i < n_coming; i++)
    {
      guint index = (guint) (n_joined * pow (g_rand_double (demo->rand), 2.0));
      gint64 id = g_array_index (demo->everyone, gint64, MIN (index, n_joined - 1));

      if (gw_store_is_checked_in (store, meeting->id, id))
        continue;
      if (!gw_store_check_in (store, meeting->id, id, error))
        return FALSE;
      g_array_append_val (present, id);

      if (meeting->kind == DEMO_DISTRIBUTION &&
          !gw_store_set_minutes_given (store, meeting->id, id,
                                       30 * g_rand_int_range (demo->rand, 4, 11), error))
        return FALSE;
    }

  if (!meeting->has_secretary && meeting->kind != DEMO_DISTRIBUTION)
    {
      gint64 secretary = gw_rotation_suggest (store, date);

      if (secretary != 0 &&
          (!gw_rotation_assign (store, meeting->id, secretary, error) ||
           !gw_store_check_in (store, meeting->id, secretary, error)))
        return FALSE;
      meeting->has_secretary = secretary != 0;
    }

  if (!set_demo_agenda (demo, store, meeting, error))
    return FALSE;

  if (meeting->kind != DEMO_GENERAL || present->len == 0)
    return TRUE;

  if (chance (demo, 0.7))
    {
      g_autoptr(GwDecision) decision = gw_decision_new (_(PICK (demo->rand, general_topics)));
      gboolean vote = chance (demo, 0.6);

      g_free (decision->outcome);
      decision->outcome = g_strdup (vote ? _("Carried") : _("Adopted by consensus"));
      if (vote)
        {
          decision->votes_against = g_rand_int_range (demo->rand, 0, 3);
          decision->votes_abstain = g_rand_int_range (demo->rand, 0, 3);
          decision->votes_for = MAX ((int) present->len - decision->votes_against - decision->votes_abstain, 1);
        }
      if (gw_store_add_decision (store, meeting->id, decision, error) == 0)
        return FALSE;
    }

  for (int n = g_rand_int_range (demo->rand, 1, 4); n > 0; n--)
    {
      gint64 owner = g_array_index (present, gint64, g_rand_int_range (demo->rand, 0, present->len));
      guint32 due = meeting->day + 14;
      g_autofree char *due_text = julian_text (due);
      gint64 action;

      action = gw_store_add_action (store, meeting->id, _(PICK (demo->rand, action_texts)), owner,
                                    due_text, error);
      if (action == 0)
        return FALSE;

      /* Most tasks get done, some late; a few from the last two months are
       * overdue, and recent ones are still open. Older ones were all seen
       * to, as a living organization's would be. */
      if (due + 10 < demo->last_day && (due + 60 < demo->last_day || chance (demo, 0.75)))
        {
          guint32 done = due - 7 + g_rand_int_range (demo->rand, 0, 17);

          if (!gw_store_set_action_done (store, action, day_text (demo, MIN (done, demo->last_day)),
                                         error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
hold_meetings (Demo     *demo,
               GwStore  *store,
               GError  **error)
{
  for (guint i = 0; i < demo->meetings->len; i++)
    {
      DemoMeeting *meeting = &g_array_index (demo->meetings, DemoMeeting, i);

      if (meeting->day > demo->last_day)
        {
          if (!set_demo_agenda (demo, store, meeting, error))
            return FALSE;
          continue;
        }

      if (!hold_meeting (demo, store, meeting, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_person (Demo     *demo,
            GwStore  *store,
            guint     index,
            guint     n_founders,
            guint32   joined,
            GError  **error)
{
  g_autoptr(GwMember) draft = gw_member_new ();
  g_autofree char *full_name = NULL;
  g_autofree char *community_name = NULL;
  g_autofree char *address = NULL;
  g_autofree char *skills_text = NULL;
  const char *languages[4];
  const char *tag_list[16];
  const Place *place;
  const char *pronouns;
  Community community;
  gboolean founder = index < n_founders;
  gboolean female;
  Track track;
  guint roll;
  guint32 day;
  guint32 member_day = 0;
  guint n_studied = 0;
  gint64 id;

  community = pick_community (demo);
  full_name = make_name (demo, community, &female, &community_name);

  /* Decide the person's path first, so that their tags can reflect it. A
   * recent joiner has not had the time to become cadre, or even a member. */
  roll = g_rand_int_range (demo->rand, 0, 100);
  if (founder || roll < 11)
    track = TRACK_CADRE;
  else if (roll < 49)
    track = TRACK_MEMBER;
  else
    track = TRACK_VOLUNTEER;

  if (!founder && track == TRACK_CADRE && demo->last_day - joined < 90)
    track = TRACK_MEMBER;
  if (!founder && track == TRACK_MEMBER && demo->last_day - joined < 14)
    track = TRACK_VOLUNTEER;

  place = &PICK (demo->rand, places);
  address = make_address (demo, place);
  pick_languages (demo, community, languages);
  pick_tags (demo, track, place, languages, tag_list);

  gw_member_set_full_name (draft, full_name);
  pronouns = pick_pronouns (demo, female);
  if (community_name != NULL)
    gw_member_set_community_name (draft, community_name);
  if (pronouns != NULL)
    gw_member_set_pronouns (draft, pronouns);
  gw_member_set_neighbourhood (draft, address);
  gw_member_set_languages (draft, languages);
  gw_member_set_tags (draft, tag_list);
  gw_member_set_joined (draft, day_text (demo, joined));

  if (chance (demo, 0.8))
    {
      g_autofree char *phone = make_phone (demo);
      gw_member_set_phone (draft, phone);
    }

  if (chance (demo, 0.55))
    {
      g_autofree char *email = make_email (demo, full_name);
      gw_member_set_email (draft, email);
    }

  if (chance (demo, 0.4))
    {
      skills_text = make_skills (demo, languages);
      gw_member_set_skills (draft, skills_text);
    }

  if (chance (demo, 0.12))
    gw_member_set_notes (draft, _(PICK (demo->rand, notes)));

  /* Most people are brought in by a neighbour, usually from their own
   * community; everyone listed so far joined on or before this day. */
  if (!founder && demo->everyone->len > 0 && chance (demo, 0.5))
    {
      GArray *pool = demo->by_community[community];

      if (pool->len == 0 || chance (demo, 0.3))
        pool = demo->everyone;

      gw_member_set_recruited_by (draft, g_array_index (pool, gint64,
                                                        g_rand_int_range (demo->rand, 0,
                                                                          pool->len)));
    }

  id = gw_store_add_member (store, draft,
                            founder ? demo->general_meeting : pick_approver (demo, joined),
                            error);
  if (id <= 0)
    {
      g_prefix_error (error, "%s: ", full_name);
      return FALSE;
    }

  g_array_append_val (demo->everyone, id);
  g_array_append_val (demo->by_community[community], id);

  day = joined;

  if (track >= TRACK_MEMBER)
    {
      guint32 agreed = founder ? pick_day_after (demo, day, 0, 3)
                               : pick_day_after (demo, day, 10, 120);
      guint32 promoted = pick_day_after (demo, agreed, 0, 21);

      if (!gw_ladder_record_agreement (store, id, day_text (demo, agreed),
                                       pick_approver (demo, agreed),
                                       chance (demo, 0.3) ? _(PICK (demo->rand, agreement_notes))
                                                          : NULL,
                                       error))
        goto failed;

      /* The study sessions becoming a member asks for come first. */
      if (!founder)
        {
          guint32 ready = attend_study_sessions (demo, store, id, joined, demo->need_member_study,
                                                 &n_studied, error);

          if (ready == 0)
            goto failed;
          promoted = MAX (promoted, ready);
        }

      if (promoted > demo->last_day)
        {
          track = TRACK_VOLUNTEER;
          goto promoted;
        }

      if (!gw_ladder_promote (store, id, day_text (demo, promoted),
                              founder ? demo->general_meeting : pick_approver (demo, promoted),
                              founder ? _("Founding member.") : _(PICK (demo->rand, member_notes)),
                              error))
        goto failed;

      day = promoted;
      member_day = promoted;

      if (founder || (demo->n_pool < 30 && chance (demo, 0.3)))
        {
          if (!gw_rotation_join_pool (store, id, day_text (demo, promoted), error))
            goto failed;
          demo->n_pool++;
        }
    }

  if (track == TRACK_CADRE)
    {
      guint32 promoted = founder ? pick_day_after (demo, day, 20, 60)
                                 : pick_day_after (demo, day, 120, 420);
      Approver approver;

      /* Months as a member, more study sessions and a turn as secretary. */
      if (!founder)
        {
          guint32 ready = attend_study_sessions (demo, store, id, member_day + 1,
                                                 MAX (demo->need_cadre_study - (int) n_studied, 0),
                                                 &n_studied, error);
          guint32 turn;

          if (ready == 0)
            goto failed;
          promoted = MAX (promoted, ready);
          promoted = MAX (promoted, add_months (demo, member_day, demo->need_cadre_months));

          turn = demo->need_cadre_turns > 0 ? take_turn (demo, store, id, member_day, error)
                                            : member_day;
          if (turn == 0)
            goto failed;
          promoted = MAX (promoted, turn);
        }

      if (promoted > demo->last_day)
        goto promoted;

      if (!gw_ladder_promote (store, id, day_text (demo, promoted),
                              founder ? demo->general_meeting : pick_approver (demo, promoted),
                              _(PICK (demo->rand, cadre_notes)),
                              error))
        goto failed;

      approver.name = g_strdup (full_name);
      approver.since = promoted;
      g_array_append_val (demo->approvers, approver);

      day = promoted;
    }

promoted:
  if (track != TRACK_VOLUNTEER && !founder && chance (demo, 0.06))
    {
      day = pick_day_after (demo, day, 30, 300);
      if (!gw_ladder_step_back (store, id, day_text (demo, day), pick_approver (demo, day),
                                _(PICK (demo->rand, step_back_notes)), error))
        goto failed;
    }

  if (founder)
    return TRUE;

  roll = g_rand_int_range (demo->rand, 0, 1000);
  if (roll < 30)
    {
      day = pick_day_after (demo, day, 30, 500);
      if (!gw_ladder_set_status (store, id, GW_STATUS_LEFT, day_text (demo, day),
                                 pick_approver (demo, day), _(PICK (demo->rand, left_notes)),
                                 error))
        goto failed;
    }
  else if (roll < 145)
    {
      day = pick_day_after (demo, day, 20, 400);
      if (!gw_ladder_set_status (store, id, GW_STATUS_INACTIVE, day_text (demo, day),
                                 pick_approver (demo, day), _(PICK (demo->rand, inactive_notes)),
                                 error))
        goto failed;

      /* A few come back after a call or a visit. */
      if (roll >= 130)
        {
          day = pick_day_after (demo, day, 30, 200);
          if (!gw_ladder_set_status (store, id, GW_STATUS_ACTIVE, day_text (demo, day),
                                     pick_approver (demo, day),
                                     _("Back after a phone call from the phone tree."),
                                     error))
            goto failed;
        }
    }

  return TRUE;

failed:
  g_prefix_error (error, "%s: ", full_name);
  return FALSE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 day_a = *(const guint32 *) a;
  guint32 day_b = *(const guint32 *) b;

  return (day_a > day_b) - (day_a < day_b);
}

/* A small, realistic donation ledger over the last year: a winter coat
 * drive with goals in goods, a rent-strike fund with a money goal, dues,
 * gifts, one grant, distributions with need categories and households, a
 * couple of corrections and one gift from the government, which the
 * default policy forbids, so that its warning shows. Dates count back from
 * today. */
static gboolean
fill_ledger (GwStore  *store,
             GError  **error)
{
  g_autofree char *today = gw_date_today ();
  g_autofree char *currency = gw_ledger_dup_default_currency (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2718);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GwDrive) coats = gw_drive_new ();
  g_autoptr(GwDrive) fund = gw_drive_new ();
  gint64 coats_id, fund_id, mistake = 0, wrong_goods = 0;
  sqlite3_stmt *stmt;
  static const char * const donors[] = {
    "Rosa Delgado", "Tran Van Duc", "Maryam Yusuf", "Walter Brooks", "Lucía Ortega",
    "Kwame Mensah", "Elena Petrova", "Samuel Cohen",
  };
  static const struct { const char *item; const char *unit; int high; } gifts[] = {
    { "Coats", "", 12 }, { "Coats", "", 8 }, { "Blankets", "", 10 }, { "Gloves", "pairs", 20 },
    { "Rice", "kg", 25 }, { "Canned beans", "cans", 40 }, { "Diapers", "packs", 6 },
  };
  static const char * const needs[] = { "Winter clothing", "Food", "Children", "Heating" };

  /* Up to twelve members pay dues. */
  stmt = _gw_store_prepare (store, "SELECT id FROM members WHERE deleted = 0 ORDER BY id LIMIT 12", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (members, id);
    }
  sqlite3_reset (stmt);

  coats->name = g_strdup (_("Winter coat drive"));
  coats->start_date = gw_date_add_days (today, -120);
  coats->end_date = gw_date_add_days (today, -30);
  coats->notes = g_strdup (_("Coats, blankets and gloves for the families in the Elm Street buildings."));
  /* The sample's goods are named in English, goals and entries alike, so
   * that the goals match the entries in every locale. */
  g_ptr_array_add (coats->goals, gw_drive_goal_new_goods ("Coats", 150, NULL));
  g_ptr_array_add (coats->goals, gw_drive_goal_new_goods ("Blankets", 80, NULL));
  g_ptr_array_add (coats->goals, gw_drive_goal_new_goods ("Gloves", 100, "pairs"));
  coats_id = gw_store_add_drive (store, coats, error);
  if (coats_id == 0)
    return FALSE;

  fund->name = g_strdup (_("Rent-strike fund"));
  fund->start_date = gw_date_add_days (today, -200);
  fund->notes = g_strdup (_("Legal costs and emergency help for households on strike."));
  g_ptr_array_add (fund->goals, gw_drive_goal_new_money (500000, currency));
  fund_id = gw_store_add_drive (store, fund, error);
  if (fund_id == 0)
    return FALSE;

  for (int day = 360; day >= 3; day -= (day <= 120 && day >= 30) ? 2 : 5)
    {
      g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();
      int roll = g_rand_int_range (rand, 0, 100);
      gboolean in_coat_drive = day <= 120 && day >= 30;
      gint64 id;

      e->date = gw_date_add_days (today, -day);
      e->recorded_by = g_strdup ("Treasurer");
      e->currency = g_strdup (currency);

      if (roll < 30 && members->len > 0)
        {
          e->source_class = GW_SOURCE_MEMBER_DUES;
          e->party_kind = GW_PARTY_MEMBER;
          e->member_id = g_array_index (members, gint64, g_rand_int_range (rand, 0, members->len));
          e->amount = 1000;
          e->memo = g_strdup (_("Monthly dues"));
        }
      else if (roll < 50)
        {
          e->source_class = GW_SOURCE_INDIVIDUAL;
          if (g_rand_boolean (rand))
            {
              e->party_kind = GW_PARTY_OUTSIDE;
              e->party_name = g_strdup (donors[g_rand_int_range (rand, 0, G_N_ELEMENTS (donors))]);
            }
          e->amount = 500 * g_rand_int_range (rand, 1, 11);
          if (day <= 200)
            e->drive_id = fund_id;
        }
      else if (roll < 75 && in_coat_drive)
        {
          guint k = g_rand_int_range (rand, 0, 4);

          g_clear_pointer (&e->currency, g_free);
          e->kind = GW_LEDGER_GOODS;
          e->source_class = GW_SOURCE_INDIVIDUAL;
          e->item = g_strdup (gifts[k].item);
          e->unit = g_strdup (gifts[k].unit);
          e->quantity = g_rand_int_range (rand, 3, 2 * gifts[k].high + 1);
          e->drive_id = coats_id;
        }
      else if (roll < 72)
        {
          guint k = 4 + g_rand_int_range (rand, 0, 3);

          g_clear_pointer (&e->currency, g_free);
          e->kind = GW_LEDGER_GOODS;
          e->source_class = g_rand_int_range (rand, 0, 3) == 0 ? GW_SOURCE_BUSINESS : GW_SOURCE_INDIVIDUAL;
          if (e->source_class == GW_SOURCE_BUSINESS)
            {
              e->party_kind = GW_PARTY_OUTSIDE;
              e->party_name = g_strdup ("Phở Hòa");
            }
          e->item = g_strdup (gifts[k].item);
          e->unit = g_strdup (gifts[k].unit);
          e->quantity = g_rand_int_range (rand, 5, gifts[k].high + 1);
          e->value_currency = g_strdup (currency);
          e->value = e->quantity * 150;
        }
      else if (roll < 90)
        {
          guint k = in_coat_drive ? g_rand_int_range (rand, 0, 4) : 4 + g_rand_int_range (rand, 0, 3);

          g_clear_pointer (&e->currency, g_free);
          e->direction = GW_LEDGER_GIVEN_OUT;
          e->kind = GW_LEDGER_GOODS;
          e->item = g_strdup (gifts[k].item);
          e->unit = g_strdup (gifts[k].unit);
          e->quantity = g_rand_int_range (rand, 1, in_coat_drive ? 4 : 6);
          e->need_category = g_strdup (in_coat_drive ? needs[0] : needs[1 + g_rand_int_range (rand, 0, 2)]);
          e->households = g_rand_int_range (rand, 1, 5);
          if (in_coat_drive)
            e->drive_id = coats_id;
        }
      else
        {
          e->direction = g_rand_boolean (rand) ? GW_LEDGER_SPENT : GW_LEDGER_GIVEN_OUT;
          e->amount = 500 * g_rand_int_range (rand, 2, 15);
          if (e->direction == GW_LEDGER_SPENT)
            {
              e->party_kind = GW_PARTY_OUTSIDE;
              e->party_name = g_strdup ("Copy Center");
              e->memo = g_strdup (_("Flyers and strike posters"));
            }
          else
            {
              e->need_category = g_strdup (needs[3]);
              e->households = 1;
              e->memo = g_strdup (_("Help with a heating bill"));
              if (day <= 200)
                e->drive_id = fund_id;
            }
        }

      id = gw_store_record_entry (store, e, error);
      if (id == 0)
        return FALSE;
      if (mistake == 0 && e->kind == GW_LEDGER_MONEY && e->direction == GW_LEDGER_RECEIVED &&
          e->source_class == GW_SOURCE_INDIVIDUAL && day < 300)
        mistake = id;
      if (wrong_goods == 0 && e->kind == GW_LEDGER_GOODS && e->direction == GW_LEDGER_RECEIVED && day < 100)
        wrong_goods = id;
    }

  /* One allied group, one grant, and the city's money. */
  {
    struct { int day; GwSourceClass source; const char *name; gint64 amount; gboolean fund; const char *memo; } big[] = {
      { 150, GW_SOURCE_ALLIED_GROUP, "Elm Street Tenants Association", 25000, TRUE, N_("Solidarity from their collection") },
      { 90, GW_SOURCE_NGO_FOUNDATION, "Commons Community Fund", 150000, TRUE, N_("Grant for legal defence") },
      { 20, GW_SOURCE_GOVERNMENT, "City Council", 40000, FALSE, N_("Neighbourhood small grant") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (big); i++)
      {
        g_autoptr(GwLedgerEntry) e = gw_ledger_entry_new ();

        e->date = gw_date_add_days (today, -big[i].day);
        e->currency = g_strdup (currency);
        e->amount = big[i].amount;
        e->source_class = big[i].source;
        e->party_kind = GW_PARTY_OUTSIDE;
        e->party_name = g_strdup (big[i].name);
        e->drive_id = big[i].fund ? fund_id : 0;
        e->memo = g_strdup (_(big[i].memo));
        e->recorded_by = g_strdup ("Treasurer");
        if (gw_store_record_entry (store, e, error) == 0)
          return FALSE;
      }
  }

  /* Corrections: a gift typed ten times too large, and goods recorded twice. */
  if (mistake != 0)
    {
      g_autoptr(GwLedgerEntry) original = gw_store_load_entry (store, mistake, error);
      g_autoptr(GwLedgerEntry) fixed = NULL;

      if (original == NULL)
        return FALSE;
      fixed = gw_ledger_entry_copy (original);
      fixed->amount = MAX (original->amount / 10, 100);
      g_clear_pointer (&fixed->memo, g_free);
      if (gw_store_correct_entry (store, mistake, fixed, _("Typed one zero too many"),
                                  "Treasurer", NULL, error) == 0)
        return FALSE;
    }
  if (wrong_goods != 0 &&
      gw_store_correct_entry (store, wrong_goods, NULL, _("Recorded twice"), "Treasurer", NULL, error) == 0)
    return FALSE;

  return TRUE;
}

/**
 * gw_demo_fill:
 * @store: a #GwStore
 * @n_people: how many people to add
 * @seed: the seed of the random choices; the same seed gives the same roster
 * @error: return location for a #GError
 *
 * Adds a sample chapter to @store: the points of unity if there are none,
 * then @n_people members with three years of history, all in one
 * transaction. On failure nothing is added.
 *
 * Returns: %TRUE on success
 */
/* The sample chapter's social-investigation notebook: a few months of
 * field notes in the languages the neighbourhood speaks, the forces around
 * the chapter with judgements that changed, the needs raised most, the
 * contradictions and the legal terrain, one rule due for review. Dates
 * count back from today so that the notebook always looks current. */
static gboolean
fill_notebook (GwStore  *store,
               GError  **error)
{
  static const struct { const char *name; guint kind; GwStance first; GwStance then; int days; const char *why; } forces[] = {
    { "Elm Street Tenants Association", 0, GW_STANCE_CAN_BE_WON, GW_STANCE_FRIEND, 60, "Joined the march on the rent board and lent us their hall." },
    { "Greenview Property Management", 3, GW_STANCE_UNKNOWN, GW_STANCE_OPPONENT, 90, "Filed eleven eviction cases in one month and ignored the repair petition." },
    { "Iglesia San José", 1, GW_STANCE_CAN_BE_WON, GW_STANCE_FRIEND, 45, "El padre Tomás anunció la despensa desde el púlpito." },
    { "St. Mary's Church", 1, GW_STANCE_UNKNOWN, GW_STANCE_CAN_BE_WON, 30, "The deacon offered the basement but wants no politics." },
    { "Phở Hòa restaurant", 2, GW_STANCE_UNKNOWN, GW_STANCE_CAN_BE_WON, 40, "Chủ quán cho dán tờ rơi nhưng sợ chủ nhà." },
    { "Corner Bodega on 5th", 2, GW_STANCE_CAN_BE_WON, GW_STANCE_FRIEND, 20, "Keeps sign-up sheets at the counter." },
    { "Harbor Realty", 3, GW_STANCE_UNKNOWN, GW_STANCE_OPPONENT, 75, "Buying buildings on Elm to empty and resell." },
    { "Riverside Community Development NGO", 4, GW_STANCE_FRIEND, GW_STANCE_CAN_BE_WON, 50, "Took city money and now asks us to tone down the rent strike." },
    { "City Housing Office", 5, GW_STANCE_UNKNOWN, GW_STANCE_OPPONENT, 35, "Closed every complaint without an inspection." },
    { "Fifth Precinct", 6, GW_STANCE_UNKNOWN, GW_STANCE_OPPONENT, 100, "Officers stood with the marshal at two lockouts." },
    { "Warehouse Workers Local 17", 7, GW_STANCE_CAN_BE_WON, GW_STANCE_FRIEND, 25, "Their members live in our buildings; they sent people to the hearing." },
    { "Hội Người Việt Riverside", 8, GW_STANCE_UNKNOWN, GW_STANCE_CAN_BE_WON, 15, "Các cô chú muốn có lớp về quyền người thuê nhà." },
    { "Parkside Condo Board", 8, GW_STANCE_UNKNOWN, GW_STANCE_OPPONENT, 55, "Lobbied the council to fence the park at night." },
    { "Mutual Aid Riverside", 8, GW_STANCE_FRIEND, GW_STANCE_FRIEND, 10, "Still sharing the van on distribution days." },
    { "Councilmember Ortiz's office", 5, GW_STANCE_UNKNOWN, GW_STANCE_CAN_BE_WON, 12, "Promised a letter to Greenview after sixty people called." },
  };
  static const struct { const char *title; const char *description; GwNeedStatus status; guint extra; } needs[] = {
    { "Evictions", "Notices to quit, lockouts and cases in housing court.", GW_NEED_ACTING, 3 },
    { "Mold", "Black mold in bathrooms and closets; children with asthma.", GW_NEED_INVESTIGATING, 0 },
    { "Heat", "No heat or hot water for days at a time in winter.", GW_NEED_ACTING, 2 },
    { "Rent increases", "Increases above the legal limit and new fees.", GW_NEED_HEARD, 1 },
    { "Police harassment", "Stops of young people on the corners; officers at lockouts.", GW_NEED_HEARD, 0 },
    { "Food", "Families skipping meals at the end of the month.", GW_NEED_ACTING, 5 },
    { "Winter coats", "Children without coats; the drive in November helped.", GW_NEED_WON, 0 },
    { "Broken elevator", "The elevator at 40 Elm has been out since spring.", GW_NEED_INVESTIGATING, 0 },
  };
  static const struct { const char *title; const char *place; int days_ago; const char *text; const char *tags; } notes[] = {
    { "Door-knocking at 40 Elm", "40 Elm Street, floors 2 to 5", 120, "Knocked on 32 doors, 19 opened. Mold in nearly every bathroom on the north side. Greenview Property Management sent a painter, not a plumber. Three families got notices to quit; evictions are the first worry.", "door-knocking,elm" },
    { "Visita a la Iglesia San José", "Salón parroquial, después de misa", 110, "Hablamos con el padre Tomás y cuatro señoras del comité de ayuda. Les preocupa el desalojo de familias sin papeles y la falta de comida a fin de mes. Ofrecen el salón para una reunión.", "iglesia,comida" },
    { "Họp với các cô chú ở tầng 3", "Căn hộ 3C, 40 Elm", 104, "Gặp bảy gia đình người Việt. Ai cũng nói về tiền thuê tăng và thang máy hỏng. Bà Nguyễn không dám khiếu nại vì sợ bị đuổi. Cần người phiên dịch ở buổi họp chung.", "tiếng Việt,elm" },
    { "Laundromat conversations", "Suds & Go laundromat on 5th", 98, "Talked to eleven people waiting for dryers. Rent increases came up most, then heat. Two people work at the warehouse and know Warehouse Workers Local 17.", "outreach" },
    { "Lockout at 12 Harbor", "Sidewalk outside 12 Harbor Street", 95, "Harbor Realty changed the locks while the family was at work. Officers from the Fifth Precinct stood by the marshal. Neighbors brought food and a lawyer's number.", "evictions,urgent" },
    { "Bodega owner", "Corner Bodega on 5th", 90, "Ramón at the Corner Bodega on 5th will keep our sign-up sheet and flyers at the counter. Says half his customers are behind on rent.", "outreach" },
    { "Reunión de inquilinos", "Salón de la Iglesia San José", 84, "Vinieron 27 personas. Se votó hacer una petición por la calefacción y el moho. Se formó un comité de reparaciones. Muchos hablaron de desalojos.", "reunión,elm" },
    { "City Housing Office visit", "City Housing Office, 2nd floor counter", 80, "Filed 14 heat complaints. The clerk said inspections take six weeks. Two earlier complaints were closed without an inspection.", "city" },
    { "NGO meeting", "Riverside Community Development NGO office", 72, "They offered a grant for a tenant newsletter if we drop the word strike. We said we would bring it to the general meeting.", "independence" },
    { "Phở Hòa", "Phở Hòa restaurant, after the lunch rush", 66, "Anh Minh cho dán tờ rơi. Lo rằng Harbor Realty sẽ mua luôn tòa nhà của quán. Rent increases on the shop too.", "tiếng Việt,outreach" },
    { "St. Mary's Church basement", "St. Mary's Church, parish office", 60, "The deacon will lend the basement on Thursdays for the food pantry, but asked that no political signs go up. Food need is growing.", "food" },
    { "Park at night", "Riverside Park, north gate", 55, "Parkside Condo Board wants the park fenced at night. Young people say the Fifth Precinct stops them every evening. Police harassment is the word they used.", "park,police" },
    { "Housing court", "Housing court, room 3", 48, "Sat with four families from 40 Elm. Greenview's lawyer asked for adjournments in every case. Evictions slowed but did not stop.", "evictions,court" },
    { "Puerta a puerta en Harbor", "Harbor Street 8 a 20", 42, "Tocamos 40 puertas. Harbor Realty está comprando edificios. La calefacción falla en tres edificios. Una señora nos dio nombres de vecinos que ya se fueron por el alquiler.", "door-knocking,harbor" },
    { "Warehouse shift change", "Outside the warehouse gate", 36, "Talked with Warehouse Workers Local 17 stewards. They will announce the rent strike vote to their members who live on Elm.", "union" },
    { "Lớp về quyền người thuê nhà", "Nhà cô Lan, 40 Elm 2B", 30, "Mười hai người tham dự. Giải thích về thông báo đuổi nhà và cách ghi lại nấm mốc. Hội Người Việt Riverside muốn tổ chức lớp thứ hai.", "tiếng Việt,education" },
    { "Elevator petition", "Lobby of 40 Elm", 26, "61 signatures for the broken elevator. An older man on the 6th floor has not left his apartment in three weeks.", "petition,elm" },
    { "Councilmember call-in day", "Community space", 20, "Sixty people called Councilmember Ortiz's office about Greenview. The office promised a letter. We will check it was sent.", "action" },
    { "Despensa de comida", "Iglesia San José", 16, "Repartimos comida a 85 familias. Muchas piden abrigos y también ayuda con la calefacción. Voluntarios nuevos: seis.", "comida,distribución" },
    { "Mold photos", "40 Elm, 14 apartments", 12, "Photographed mold in 14 apartments with dates, for the complaint and for court. Two children with asthma.", "elm,evidence" },
    { "Heat is back at 40 Elm", "40 Elm Street", 8, "After the petition and the calls, Greenview repaired the boiler. Heat held three nights running. Tenants say the organization did this, not the city.", "elm,victory" },
    { "Conversación en la lavandería", "Suds & Go laundromat on 5th", 5, "Dos personas nuevas quieren unirse al comité. Hablan de desalojos en Harbor y del aumento del alquiler.", "outreach" },
    { "Mutual aid van", "Warehouse lot", 3, "Mutual Aid Riverside lends the van again for the next distribution day. Food boxes packed: 92.", "food,distribución" },
    { "Follow-up on Greenview letter", "Community space", 1, "No letter yet from the council office. The rent strike committee meets Thursday.", "action,follow-up" },
  };
  static const struct { const char *title; const char *place; GwRisk risk; const char *way_around; const char *source; int review_in; } rules[] = {
    { "Loitering ordinance 9.24", "Riverside Park and the commercial strip on 5th", GW_RISK_HIGH, "Keep groups moving; have a marshal with a copy of the ordinance; never block the entrance of a shop.", "City code 9.24, read at the library", -5 },
    { "Food sharing permit", "Any public park or sidewalk", GW_RISK_MEDIUM, "Distribute on church or private land with written permission from the owner.", "Health department leaflet, 2023", 40 },
    { "Gatherings of more than 25 in parks", "All city parks", GW_RISK_MEDIUM, "Hold the rally on the sidewalk in front of the building, or apply for the free permit ten days ahead.", "Parks department rules", 90 },
    { "Posting flyers on utility poles", "Citywide", GW_RISK_LOW, "Post in shop windows and laundromats with the owner's consent.", "Sanitation code", 180 },
    { "Rent withholding rules", "All rent-stabilized buildings", GW_RISK_HIGH, "Pay rent into an escrow account and document every repair request in writing.", "Tenant lawyer at the legal clinic", 60 },
    { "Sound amplification permit", "Streets and parks", GW_RISK_LOW, "Use a hand megaphone under the limit, or ask for the permit at the precinct.", "Police department website", 120 },
  };
  static const struct { const char *title; const char *description; GwContradictionKind kind; gboolean principal; int a; int b; const char *change; } contradictions[] = {
    { "Tenants and the landlords emptying Elm and Harbor", "Greenview and Harbor Realty profit from evictions; the tenants need to stay.", GW_CONTRADICTION_WITH_OPPONENTS, TRUE, 0, 1, "The boiler repair shows Greenview yields to organized pressure." },
    { "Long-time residents and newcomers", "Some older tenants blame newcomers for rising rents rather than the landlords.", GW_CONTRADICTION_AMONG_PEOPLE, FALSE, 11, 0, "Eased after the Vietnamese and Spanish speakers met together at the food pantry." },
    { "Independence and the NGO's grant", "Taking the grant would mean dropping the rent strike.", GW_CONTRADICTION_AMONG_PEOPLE, FALSE, 7, 13, "The general meeting voted to refuse the grant." },
    { "Young people and the police in the park", "Nightly stops and the fence the condo board wants.", GW_CONTRADICTION_WITH_OPPONENTS, FALSE, 12, 9, "Stops went down after neighbours started watching in pairs." },
  };
  g_autoptr(GPtrArray) kinds = gw_store_list_force_kinds (store);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = gw_date_today ();
  gint64 force_ids[G_N_ELEMENTS (forces)];
  sqlite3_stmt *stmt;

  /* A few of the people to have gone on each visit. */
  stmt = _gw_store_prepare (store, "SELECT id FROM members WHERE deleted = 0 ORDER BY id LIMIT 12",
                            error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (members, id);
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < G_N_ELEMENTS (forces); i++)
    {
      g_autoptr(GwForce) force = gw_force_new (forces[i].name,
                                               ((GwForceKind *) g_ptr_array_index (kinds, forces[i].kind))->id);
      g_autofree char *earlier = gw_date_add_days (today, -forces[i].days - 60);
      g_autofree char *later = gw_date_add_days (today, -forces[i].days);

      force->stance = forces[i].first;
      force->stance_date = g_strdup (earlier);
      if (i % 3 == 0 && members->len > 0)
        force->contact_member_id = g_array_index (members, gint64, i % members->len);
      /* Two judgements each: a first impression, then the one in force. */
      force_ids[i] = gw_store_add_force (store, force, "First impressions from door-knocking.",
                                         "Outreach committee", error);
      if (force_ids[i] == 0 ||
          gw_store_judge_force (store, force_ids[i], forces[i].then, later, forces[i].why,
                                "General meeting", error) == 0)
        return FALSE;
    }

  gw_store_add_force_relation (store, force_ids[1], GW_RELATION_OPPOSES, force_ids[0], NULL, NULL);
  gw_store_add_force_relation (store, force_ids[7], GW_RELATION_FUNDS, force_ids[12], NULL, NULL);
  gw_store_add_force_relation (store, force_ids[2], GW_RELATION_ALLIED_WITH, force_ids[13], NULL, NULL);
  gw_store_add_force_relation (store, force_ids[10], GW_RELATION_ALLIED_WITH, force_ids[0], NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(GwNeed) need = gw_need_new (needs[i].title);

      g_free (need->description);
      need->description = g_strdup (needs[i].description);
      need->status = needs[i].status;
      need->extra_count = needs[i].extra;
      if (i < 2)
        g_ptr_array_add (need->forces, gw_notebook_ref_new (GW_NOTEBOOK_FORCE, force_ids[1], NULL));
      if (gw_store_add_need (store, need, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GwLegalRule) rule = gw_legal_rule_new (rules[i].title, rules[i].risk);

      g_free (rule->place);
      rule->place = g_strdup (rules[i].place);
      g_free (rule->way_around);
      rule->way_around = g_strdup (rules[i].way_around);
      g_free (rule->source);
      rule->source = g_strdup (rules[i].source);
      rule->review_date = gw_date_add_days (today, rules[i].review_in);
      if (gw_store_add_rule (store, rule, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *date = gw_date_add_days (today, -notes[i].days_ago);
      g_autoptr(GwNote) note = gw_note_new (notes[i].title, date);

      g_free (note->place);
      note->place = g_strdup (notes[i].place);
      g_free (note->text);
      note->text = g_strdup (notes[i].text);
      note->tags = g_strsplit (notes[i].tags, ",", -1);
      for (guint m = 0; m < members->len && m < 1 + i % 3; m++)
        g_ptr_array_add (note->members,
                         gw_notebook_ref_new (GW_NOTEBOOK_MEMBER,
                                              g_array_index (members, gint64, (i + m * 5) % members->len),
                                              NULL));
      if (gw_store_add_note (store, note, error) == 0)
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (contradictions); i++)
    {
      g_autoptr(GwContradiction) contradiction = gw_contradiction_new (contradictions[i].title,
                                                                       contradictions[i].kind);
      g_autofree char *earlier = gw_date_add_days (today, -70 + (int) i * 5);
      g_autofree char *later = gw_date_add_days (today, -10 + (int) i * 2);
      gint64 id;

      g_free (contradiction->description);
      contradiction->description = g_strdup (contradictions[i].description);
      contradiction->principal = contradictions[i].principal;
      g_ptr_array_add (contradiction->side_a,
                       gw_notebook_ref_new (GW_NOTEBOOK_FORCE, force_ids[contradictions[i].a], NULL));
      g_ptr_array_add (contradiction->side_b,
                       gw_notebook_ref_new (GW_NOTEBOOK_FORCE, force_ids[contradictions[i].b], NULL));
      id = gw_store_add_contradiction (store, contradiction, error);
      if (id == 0 ||
          gw_store_add_contradiction_change (store, id, earlier, contradictions[i].description,
                                             error) == 0 ||
          gw_store_add_contradiction_change (store, id, later, contradictions[i].change, error) == 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
gw_demo_fill (GwStore  *store,
              guint     n_people,
              guint32   seed,
              GError  **error)
{
  g_auto(Demo) demo = { 0 };
  g_autofree guint32 *joined = NULL;
  GwStoreBulk tuning;
  gboolean ok;
  GDate date;
  guint n_founders;

  g_return_val_if_fail (GW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.rand = g_rand_new_with_seed (seed);
  demo.general_meeting = _("General meeting");
  demo.approvers = g_array_new (FALSE, FALSE, sizeof (Approver));
  g_array_set_clear_func (demo.approvers, clear_approver);
  demo.everyone = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_people);
  for (guint i = 0; i < N_COMMUNITIES; i++)
    demo.by_community[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
  demo.meetings = g_array_new (FALSE, FALSE, sizeof (DemoMeeting));

  /* Format every day of the period once; a large roster has hundreds of
   * thousands of dated events. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, REFERENCE_DAY, REFERENCE_MONTH, REFERENCE_YEAR);
  demo.last_day = g_date_get_julian (&date);
  demo.first_day = demo.last_day - HISTORY_DAYS;
  demo.dates = g_new (IsoDate, HISTORY_DAYS + 1);
  for (guint i = 0; i <= HISTORY_DAYS; i++)
    {
      g_date_set_julian (&date, demo.first_day + i);
      g_snprintf (demo.dates[i], sizeof (IsoDate), "%04u-%02u-%02u",
                  g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date));
    }

  /* The chapter grew: more people joined recently than in the first year.
   * Days are handed out in order so that whoever recruited someone had
   * joined before them. */
  joined = g_new (guint32, MAX (n_people, 1));
  for (guint i = 0; i < n_people; i++)
    joined[i] = demo.first_day + (guint32) (HISTORY_DAYS * sqrt (g_rand_double (demo.rand)));
  qsort (joined, n_people, sizeof (guint32), compare_days);

  /* A handful of founders start the chapter and approve the first steps. */
  n_founders = MIN (n_people, CLAMP (n_people / 40, 1, 6));
  for (guint i = 0; i < n_founders; i++)
    joined[i] = demo.first_day;
  demo.joined = joined;

  _gw_store_begin_bulk (store, &tuning);

  if (!gw_store_begin (store, error))
    {
      _gw_store_end_bulk (&tuning);
      return FALSE;
    }

  if (!add_unity_if_missing (store, error) ||
      !create_calendar (&demo, store, error))
    goto failed;

  /* The founders wrote the rules: what a promotion asks of people applies
   * from the first newcomer on. */
  {
    static const struct { GwStage target; GwRequirementKind kind; } rules[] = {
      { GW_STAGE_MEMBER, GW_REQUIREMENT_STUDY_SESSIONS },
      { GW_STAGE_CADRE, GW_REQUIREMENT_STUDY_SESSIONS },
      { GW_STAGE_CADRE, GW_REQUIREMENT_MONTHS_AS_MEMBER },
      { GW_STAGE_CADRE, GW_REQUIREMENT_SECRETARY_TURNS },
    };
    int saved[G_N_ELEMENTS (rules)];

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      {
        saved[i] = gw_checklist_get_required (store, rules[i].target, rules[i].kind);
        if (!gw_checklist_set_required (store, rules[i].target, rules[i].kind, 0, error))
          goto failed;
      }

    for (guint i = 0; i < n_founders; i++)
      if (!add_person (&demo, store, i, n_founders, joined[i], error))
        goto failed;

    for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
      if (!gw_checklist_set_required (store, rules[i].target, rules[i].kind, saved[i], error))
        goto failed;

    demo.need_member_study = saved[0];
    demo.need_cadre_study = saved[1];
    demo.need_cadre_months = saved[2];
    demo.need_cadre_turns = saved[3];
  }

  for (guint i = n_founders; i < n_people; i++)
    if (!add_person (&demo, store, i, n_founders, joined[i], error))
      goto failed;

  if (!hold_meetings (&demo, store, error))
    goto failed;

  if (!fill_notebook (store, error))
    goto failed;

  if (!fill_ledger (store, error))
    goto failed;

  /* A failed commit has already rolled back. */
  ok = gw_store_commit (store, error);
  _gw_store_end_bulk (&tuning);
  return ok;

failed:
  gw_store_rollback (store);
  _gw_store_end_bulk (&tuning);
  return FALSE;
}

/**
 * gw_demo_open_new:
 * @error: return location for a #GError
 *
 * Creates a sample database with 300 people in a new private temporary
 * directory, for trying the application out without touching real records.
 *
 * Returns: (transfer full): the store, or %NULL on error
 */
GwStore *
gw_demo_open_new (GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GwStore) store = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* g_dir_make_tmp() creates the directory 0700, so the sample roster is as
   * private as a real one would be. */
  dir = g_dir_make_tmp ("groundwork-demo-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  path = g_build_filename (dir, "demo.db", NULL);
  store = gw_store_open (path, error);
  if (store == NULL)
    return NULL;

  if (!gw_store_set_organization_name (store, _("Eastside Tenants' Union (demo)"), error))
    return NULL;

  if (!gw_demo_fill (store, 300, DEMO_SEED, error))
    return NULL;

  return g_steal_pointer (&store);
}
