{#-
    One row per staged record of every SOSCARE module, with the identifiers and
    the few fields identity resolution needs. Modules without a trust or seq_no
    column give nulls; the client and family modules have no event date.
-#}
{#- A view: it is read by int_soscare_ids_profiled (two columns) and by the
    int_records_linked view (whose readers each take the modules they need), and
    not writing its 4.7M rows (scale 1) saved about 11 s of a build when it had
    one reader (measured A/B). -#}
{{ config(materialized="view") }}
{%- set files = soscare_staging_files() -%}
{%- set modules = [] -%}
{%- for file, spec in files.items() if spec.kind == 'module' -%}
    {%- do modules.append(file) -%}
{%- endfor %}
with

{{ soscare_staging_imports(modules) }}

unioned as (
    {%- for module in modules %}

        select
            record_id,
            '{{ module }}' as module,
            hcn,
            soscare_id,
            {{ 'trust' if files[module].trust == 'trust' else 'cast(null as varchar) as trust' }},
            {{ 'seq_no' if 'seq_no' in files[module].integers else 'cast(null as integer) as seq_no' }},
            record_date
        from {{ module }}
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}

),

final as (

    select
        record_id,
        module,
        hcn,
        soscare_id,
        trust,
        seq_no,
        record_date,
        hcn is not null or soscare_id is not null as has_identifier
    from unioned

)

select * from final
