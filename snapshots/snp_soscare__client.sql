{% snapshot snp_soscare__client %}
{#-
    Client demographics (the `client` module): SCD type 2 history across extract releases, one row per
    version of each record (a corrected birth year, postcode or gender gives a second version).
    Business key `snapshot_key` = soscare_id:seq_no (see the doc block
    `snapshot_business_key`); records without either are not tracked.
-#}
{%- set tracked = [
        'hcn',
        'hcn_issue',
        'team',
        'trust',
        'birth_month',
        'birth_month_issue',
        'birth_year',
        'birth_year_issue',
        'postcode',
        'gender',
        'religion',
        'ethnicity',
        'country_of_birth',
] -%}

    {{ config(check_cols=tracked + ['key_records']) }}

    {{ snapshot_by_business_key(ref('stg_soscare__client'), tracked) }}

{% endsnapshot %}
