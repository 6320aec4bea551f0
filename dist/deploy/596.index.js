export const id = 596;
export const ids = [596];
export const modules = {

/***/ 5596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEREGISTRATION_DELAY_SECONDS: () => (/* binding */ DEREGISTRATION_DELAY_SECONDS),
/* harmony export */   ElbError: () => (/* binding */ ElbError),
/* harmony export */   createElbRouter: () => (/* binding */ createElbRouter)
/* harmony export */ });
/* harmony import */ var _elb_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9593);
/* harmony import */ var _query_api_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4492);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2611);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9580);




const ELB = {
    service: 'elasticloadbalancing',
    version: '2015-12-01',
    label: 'ELB',
    actions: [
        'CreateTargetGroup',
        'DescribeTargetGroups',
        'DeleteTargetGroup',
        'DescribeTargetHealth',
        'DescribeRules',
        'CreateRule',
        'ModifyRule',
        'DeleteRule',
        'DescribeTags',
        'ModifyTargetGroupAttributes',
    ],
};
/**
 * Seconds a retired environment's target keeps its requests in flight after it leaves the group; ELB's default,
 * 300 s, would keep every retired task (and its cost) five minutes longer for a preview nobody waits on.
 */
const DEREGISTRATION_DELAY_SECONDS = 30;
/** DescribeTags takes at most 20 resources per call. */
const TAGS_PER_CALL = 20;
/** The largest page DescribeRules and DescribeTargetGroups hand out. */
const MAX_PAGE_SIZE = 400;
/** Two runs creating rules at once may pick the same free priority; the loser reads the rules again. */
const PRIORITY_ATTEMPTS = 3;
/** An ELB call that failed, named with its action and resource; `code` is ELB's error code when it answered. */
class ElbError extends Error {
    action;
    resource;
    code;
    constructor(action, resource, code, message, options) {
        super(message, options);
        this.action = action;
        this.resource = resource;
        this.code = code;
        this.name = 'ElbError';
    }
}
function elbError(action, resource, error) {
    const code = error instanceof _query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .QueryApiError */ .NK ? error.code : undefined;
    const detail = error instanceof Error ? error.message : String(error);
    return new ElbError(action, resource, code, `ELB ${action} (${resource}) failed: ${code ?? 'no answer'}: ${detail}`, {
        cause: error,
    });
}
const hasCode = (error, ...codes) => error instanceof ElbError && error.code !== undefined && codes.includes(error.code);
function tagParams(tags) {
    const params = {};
    tags.forEach((tag, index) => {
        params[`Tags.member.${index + 1}.Key`] = tag.key;
        params[`Tags.member.${index + 1}.Value`] = tag.value;
    });
    return params;
}
function parseTags(member) {
    return (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(member, 'Tags')).map((tag) => ({
        key: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(tag, 'Key') ?? '',
        value: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(tag, 'Value') ?? '',
    }));
}
const tagOf = (tags, key) => tags.find((tag) => tag.key === key)?.value;
const isManagedTags = (tags) => tagOf(tags, _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy) === _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf;
function parseRule(member) {
    const hosts = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(member, 'Conditions'))
        .filter((condition) => (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(condition, 'Field') === 'host-header')
        .flatMap((condition) => [
        ...(0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(condition, 'Values')),
        ...(0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(condition, 'HostHeaderConfig', 'Values')),
    ])
        .map((value) => value.text);
    const forwards = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(member, 'Actions')).filter((action) => (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(action, 'Type') === 'forward');
    const targetGroupArns = forwards.flatMap((action) => [
        ...((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(action, 'TargetGroupArn') ? [(0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(action, 'TargetGroupArn')] : []),
        ...(0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(action, 'ForwardConfig', 'TargetGroups')).map((group) => (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(group, 'TargetGroupArn') ?? ''),
    ]);
    const priority = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'Priority');
    return {
        ruleArn: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'RuleArn') ?? '',
        // The default rule's priority is the word `default`.
        priority: priority !== undefined && /^\d+$/.test(priority) ? Number(priority) : undefined,
        hosts: [...new Set(hosts.map((host) => host.toLowerCase()))],
        targetGroupArns: [...new Set(targetGroupArns.filter((arn) => arn !== ''))],
    };
}
function parseTargetGroup(member) {
    const port = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'Port');
    const vpcId = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'VpcId');
    const targetType = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'TargetType');
    return {
        targetGroupArn: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'TargetGroupArn') ?? '',
        name: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(member, 'TargetGroupName') ?? '',
        ...(port !== undefined ? { port: Number(port) } : {}),
        ...(vpcId !== undefined ? { vpcId } : {}),
        ...(targetType !== undefined ? { targetType } : {}),
        loadBalancerArns: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(member, 'LoadBalancerArns')).map((arn) => arn.text),
    };
}
class ElbRouter {
    settings;
    deps;
    api;
    scope;
    domain;
    pageSize;
    constructor(ecs, settings, deps) {
        this.settings = settings;
        this.deps = deps;
        this.api = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .queryApi */ .JO)(ecs, ELB, deps.sleep ?? _health_js__WEBPACK_IMPORTED_MODULE_3__/* .realSleep */ .uk);
        this.scope = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .listenerScope */ .rI)(settings.listenerArn);
        this.domain = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalDomain */ .o2)(settings.domain);
        this.pageSize = String(Math.min(Math.max(settings.pageSize ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE));
    }
    /** One call → the `<…Result>` element of its answer; every failure becomes an ElbError naming call and resource. */
    async send(resource, params) {
        this.deps.record?.('ELB', params.Action);
        let xml;
        try {
            xml = await this.api.call(params);
        }
        catch (error) {
            throw elbError(params.Action, resource, error);
        }
        try {
            return (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .parseXml */ .NO)(xml), `${params.Action}Result`);
        }
        catch (error) {
            throw elbError(params.Action, resource, error);
        }
    }
    /** Every page of a Marker-paged Describe call, its list members in order. */
    async allPages(resource, params, list) {
        const items = [];
        const seen = new Set();
        let marker;
        do {
            const result = await this.send(resource, {
                ...params,
                PageSize: this.pageSize,
                ...(marker !== undefined ? { Marker: marker } : {}),
            });
            items.push(...(0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, list)));
            marker = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(result, 'NextMarker') || undefined;
            // A marker handed out twice would page forever.
            if (marker !== undefined) {
                if (seen.has(marker))
                    throw elbError(params.Action, resource, new Error(`the marker ${marker} came twice`));
                seen.add(marker);
            }
        } while (marker !== undefined);
        return items;
    }
    async tagsOf(arns) {
        const tags = new Map();
        for (let i = 0; i < arns.length; i += TAGS_PER_CALL) {
            const chunk = arns.slice(i, i + TAGS_PER_CALL);
            const params = {};
            chunk.forEach((arn, index) => {
                params[`ResourceArns.member.${index + 1}`] = arn;
            });
            const result = await this.send(chunk.length === 1 ? chunk[0] : `${chunk.length} resources`, {
                Action: 'DescribeTags',
                ...params,
            });
            for (const description of (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, 'TagDescriptions'))) {
                tags.set((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'ResourceArn') ?? '', parseTags(description));
            }
        }
        return tags;
    }
    async listenerRules() {
        const items = await this.allPages(`listener ${this.settings.listenerArn}`, { Action: 'DescribeRules', ListenerArn: this.settings.listenerArn }, 'Rules');
        return items.map(parseRule);
    }
    async findTargetGroup(name) {
        try {
            const result = await this.send(`target group ${name}`, {
                Action: 'DescribeTargetGroups',
                'Names.member.1': name,
            });
            const found = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, 'TargetGroups')).map(parseTargetGroup);
            return found.find((group) => group.name === name);
        }
        catch (error) {
            if (hasCode(error, 'TargetGroupNotFound'))
                return undefined;
            throw error;
        }
    }
    refusal(group, why) {
        return new ElbError('DescribeTargetGroups', `target group ${group.name}`, undefined, `ELB target group ${group.name} exists but ${why}`);
    }
    /** A group of an environment's name is acted on only when this adapter made it (its tags say so). */
    async checkOwned(group, doing) {
        const tags = (await this.tagsOf([group.targetGroupArn])).get(group.targetGroupArn) ?? [];
        if (!isManagedTags(tags))
            throw this.refusal(group, `is not tagged ${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy}=${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf}; not ${doing} it`);
        return group.targetGroupArn;
    }
    /** An existing group of the environment's name must be the one this adapter would make, or nothing is reused. */
    async checkExisting(group) {
        const refuse = (why) => this.refusal(group, why);
        await this.checkOwned(group, 'reusing');
        if (group.vpcId !== undefined && group.vpcId !== this.settings.vpcId) {
            throw refuse(`is in ${group.vpcId}, not in ${this.settings.vpcId}`);
        }
        if (group.port !== undefined && group.port !== this.settings.containerPort) {
            throw refuse(`sends to port ${group.port}, not to the container port ${this.settings.containerPort}`);
        }
        if (group.targetType !== undefined && group.targetType !== 'ip') {
            throw refuse(`has target type ${group.targetType}, not ip`);
        }
        return group.targetGroupArn;
    }
    async ensureTargetGroup(environment) {
        const name = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .targetGroupName */ .IT)(environment.pr, environment.sha7, this.scope);
        const existing = await this.findTargetGroup(name);
        if (existing)
            return this.checkExisting(existing);
        const tags = (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentTags */ .TA)(environment).map((tag) => ({ key: tag.key ?? '', value: tag.value ?? '' }));
        try {
            const result = await this.send(`target group ${name}`, {
                Action: 'CreateTargetGroup',
                Name: name,
                Protocol: 'HTTP',
                Port: String(this.settings.containerPort),
                VpcId: this.settings.vpcId,
                TargetType: 'ip',
                HealthCheckProtocol: 'HTTP',
                HealthCheckPath: this.settings.healthCheckPath,
                // A preview should turn healthy in about 20 s, not the default 2.5 minutes (5 checks 30 s apart).
                HealthCheckIntervalSeconds: '10',
                HealthCheckTimeoutSeconds: '5',
                HealthyThresholdCount: '2',
                UnhealthyThresholdCount: '3',
                'Matcher.HttpCode': '200',
                ...tagParams(tags),
            });
            const arn = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, 'TargetGroups'))[0], 'TargetGroupArn');
            if (!arn)
                throw new ElbError('CreateTargetGroup', `target group ${name}`, undefined, 'ELB CreateTargetGroup answered no ARN');
            await this.send(`target group ${name}`, {
                Action: 'ModifyTargetGroupAttributes',
                TargetGroupArn: arn,
                'Attributes.member.1.Key': 'deregistration_delay.timeout_seconds',
                'Attributes.member.1.Value': String(DEREGISTRATION_DELAY_SECONDS),
            });
            return arn;
        }
        catch (error) {
            // Another run made it in between: take that one, under the same checks.
            if (!hasCode(error, 'DuplicateTargetGroupName'))
                throw error;
            const raced = await this.findTargetGroup(name);
            if (!raced)
                throw error;
            return this.checkExisting(raced);
        }
    }
    async targetHealth(targetGroupArn) {
        const result = await this.send(`target group ${targetGroupArn}`, {
            Action: 'DescribeTargetHealth',
            TargetGroupArn: targetGroupArn,
        });
        return (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .members */ .ol)((0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .child */ .jf)(result, 'TargetHealthDescriptions')).map((description) => {
            const port = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'Target', 'Port');
            const reason = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'TargetHealth', 'Reason');
            const text = (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'TargetHealth', 'Description');
            return {
                id: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'Target', 'Id') ?? '',
                ...(port !== undefined ? { port: Number(port) } : {}),
                state: (0,_query_api_js__WEBPACK_IMPORTED_MODULE_1__/* .textAt */ .$6)(description, 'TargetHealth', 'State') ?? 'unknown',
                ...(reason ? { reason } : {}),
                ...(text ? { description: text } : {}),
            };
        });
    }
    prRule(rule, target, managed) {
        // arn:…:targetgroup/<name>/<id>
        const name = /:targetgroup\/([^/]+)\//.exec(rule.targetGroupArns[0] ?? '')?.[1] ?? '';
        const routed = rule.targetGroupArns.length === 1 ? (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTargetGroupName */ .JZ)(name, this.scope) : undefined;
        return {
            ...(routed && routed.pr === target.pr ? { routesTo: routed.sha7 } : {}),
            ruleArn: rule.ruleArn,
            pr: target.pr,
            ...(target.sha7 !== undefined ? { sha7: target.sha7 } : {}),
            host: (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .hostOf */ .w4)(target, this.domain),
            priority: rule.priority ?? 0,
            targetGroupArns: rule.targetGroupArns,
            managed,
        };
    }
    /** The rules whose hosts are all one of `targets`, with their tags read. */
    async rulesFor(targets, rules) {
        const matching = (rules ?? (await this.listenerRules())).flatMap((rule) => {
            const target = targets(rule);
            return target === undefined ? [] : [{ rule, target }];
        });
        if (matching.length === 0)
            return [];
        const tags = await this.tagsOf(matching.map(({ rule }) => rule.ruleArn));
        return matching.map(({ rule, target }) => this.prRule(rule, target, isManagedTags(tags.get(rule.ruleArn) ?? [])));
    }
    /** The rules for one host (normally none or one). */
    rulesOf(target, rules) {
        const host = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .hostOf */ .w4)(target, this.domain);
        return this.rulesFor((rule) => (rule.hosts.includes(host) ? target : undefined), rules);
    }
    /** The host's one rule: two rules for one host are an error to resolve by hand, never a guess. */
    single(target, rules) {
        if (rules.length > 1) {
            throw new ElbError('DescribeRules', `listener ${this.settings.listenerArn}`, undefined, `ELB listener ${this.settings.listenerArn} has ${rules.length} rules for ${(0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .hostOf */ .w4)(target, this.domain)}: ${rules.map((r) => r.ruleArn).join(', ')}`);
        }
        return rules[0];
    }
    async ruleOf(target) {
        return this.single(target, await this.rulesOf(target));
    }
    async route(target, targetGroupArn) {
        for (let attempt = 1;; attempt += 1) {
            const all = await this.listenerRules();
            const rule = this.single(target, await this.rulesOf(target, all));
            if (rule)
                return this.switchRule(rule, targetGroupArn);
            const host = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .hostOf */ .w4)(target, this.domain);
            const used = new Set(all.flatMap((r) => (r.priority === undefined ? [] : [r.priority])));
            const priority = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .freePriority */ .Zb)(target.pr, used);
            const resource = `rule for ${host}`;
            if (priority === undefined) {
                throw new ElbError('CreateRule', resource, undefined, `ELB listener ${this.settings.listenerArn} has no free rule priority`);
            }
            try {
                await this.send(resource, {
                    Action: 'CreateRule',
                    ListenerArn: this.settings.listenerArn,
                    Priority: String(priority),
                    'Conditions.member.1.Field': 'host-header',
                    'Conditions.member.1.HostHeaderConfig.Values.member.1': host,
                    'Actions.member.1.Type': 'forward',
                    'Actions.member.1.TargetGroupArn': targetGroupArn,
                    ...tagParams([
                        { key: _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy, value: _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf },
                        { key: _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.pr, value: String(target.pr) },
                        ...(target.sha7 !== undefined ? [{ key: _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.sha, value: target.sha7 }] : []),
                    ]),
                });
                return 'created';
            }
            catch (error) {
                // Another rule took the priority meanwhile (or a retried CreateRule had already made this one): read again.
                if (!hasCode(error, 'PriorityInUse') || attempt >= PRIORITY_ATTEMPTS)
                    throw error;
            }
        }
    }
    async switchRule(rule, targetGroupArn) {
        if (!rule.managed) {
            throw new ElbError('ModifyRule', `rule ${rule.ruleArn}`, undefined, `ELB rule ${rule.ruleArn} routes ${rule.host} but is not tagged ${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy}=${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf}; not changing it`);
        }
        if (rule.targetGroupArns.length === 1 && rule.targetGroupArns[0] === targetGroupArn)
            return 'unchanged';
        await this.send(`rule ${rule.ruleArn} for ${rule.host}`, {
            Action: 'ModifyRule',
            RuleArn: rule.ruleArn,
            'Actions.member.1.Type': 'forward',
            'Actions.member.1.TargetGroupArn': targetGroupArn,
        });
        return 'switched';
    }
    async removeRoute(target) {
        const rules = target.sha7 !== undefined
            ? await this.rulesOf(target)
            : await this.rulesFor((rule) => {
                const routed = this.routedBy(rule);
                return routed?.pr === target.pr ? routed : undefined;
            });
        const foreign = rules.filter((rule) => !rule.managed);
        if (foreign.length > 0) {
            throw new ElbError('DeleteRule', `rule ${foreign[0]?.ruleArn}`, undefined, `ELB rule ${foreign[0]?.ruleArn} routes ${foreign[0]?.host} but is not tagged ${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy}=${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf}; not deleting it`);
        }
        for (const rule of rules)
            await this.deleteRule(rule);
        return rules.length;
    }
    async deleteRule(rule) {
        if (!rule.managed) {
            throw new ElbError('DeleteRule', `rule ${rule.ruleArn}`, undefined, `ELB rule ${rule.ruleArn} routes ${rule.host} but is not tagged ${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.managedBy}=${_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .MANAGED_BY */ .Kf}; not deleting it`);
        }
        try {
            await this.send(`rule ${rule.ruleArn} for ${rule.host}`, {
                Action: 'DeleteRule',
                RuleArn: rule.ruleArn,
            });
            return 'deleted';
        }
        catch (error) {
            if (hasCode(error, 'RuleNotFound'))
                return 'gone';
            throw error;
        }
    }
    /** The one PR host or environment host a rule routes, when all its hosts name the same one. */
    routedBy(rule) {
        const targets = rule.hosts.map((host) => (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHost */ .o6)(host, this.domain));
        const first = targets[0];
        if (first === undefined)
            return undefined;
        return targets.every((t) => t !== undefined && t.pr === first.pr && t.sha7 === first.sha7)
            ? first
            : undefined;
    }
    async deleteTargetGroup(targetGroupArn) {
        try {
            await this.send(`target group ${targetGroupArn}`, {
                Action: 'DeleteTargetGroup',
                TargetGroupArn: targetGroupArn,
            });
            return 'deleted';
        }
        catch (error) {
            if (hasCode(error, 'TargetGroupNotFound'))
                return 'gone';
            if (hasCode(error, 'ResourceInUse') && error instanceof ElbError) {
                throw new ElbError(error.action, error.resource, error.code, `ELB target group ${targetGroupArn} is still in use by a listener rule: move or remove the PR's route first (${error.message})`, { cause: error });
            }
            throw error;
        }
    }
    async targetGroupOf(pr, sha7) {
        const group = await this.findTargetGroup((0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .targetGroupName */ .IT)(pr, sha7, this.scope));
        return group ? this.checkOwned(group, 'routing to') : undefined;
    }
    checkThrough(host, url, options) {
        return (0,_health_js__WEBPACK_IMPORTED_MODULE_3__/* .checkHealth */ .Ns)(url, {
            ...options,
            fetch: (0,_health_js__WEBPACK_IMPORTED_MODULE_3__/* .hostHeaderFetch */ .W1)(host),
            sleep: this.deps.sleep ?? _health_js__WEBPACK_IMPORTED_MODULE_3__/* .realSleep */ .uk,
        });
    }
    async removeTargetGroup(pr, sha7) {
        const group = await this.findTargetGroup((0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .targetGroupName */ .IT)(pr, sha7, this.scope));
        if (!group)
            return 'gone';
        // Only a group this adapter made (the cleanup, which makes none, knows no VPC or port to compare).
        return this.deleteTargetGroup(await this.checkOwned(group, 'deleting'));
    }
    async listManaged() {
        const candidates = (await this.listenerRules()).flatMap((rule) => {
            const target = this.routedBy(rule);
            return target === undefined ? [] : [{ rule, target }];
        });
        const groups = (await this.allPages('target groups', { Action: 'DescribeTargetGroups' }, 'TargetGroups')).flatMap((member) => {
            const group = parseTargetGroup(member);
            const parsed = (0,_elb_names_js__WEBPACK_IMPORTED_MODULE_0__/* .parseTargetGroupName */ .JZ)(group.name, this.scope);
            return parsed ? [{ group, ...parsed }] : [];
        });
        const tags = await this.tagsOf([
            ...candidates.map(({ rule }) => rule.ruleArn),
            ...groups.map(({ group }) => group.targetGroupArn),
        ]);
        const rules = candidates.flatMap(({ rule, target }) => {
            const own = tags.get(rule.ruleArn) ?? [];
            // Managed, and its tags agree with its host: anything else is someone else's rule.
            if (!isManagedTags(own) || tagOf(own, _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.pr) !== String(target.pr))
                return [];
            if (target.sha7 !== undefined && tagOf(own, _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.sha) !== target.sha7)
                return [];
            return [this.prRule(rule, target, true)];
        });
        const targetGroups = groups.flatMap(({ group, pr, sha7 }) => {
            const own = tags.get(group.targetGroupArn) ?? [];
            if (!isManagedTags(own) ||
                tagOf(own, _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.pr) !== String(pr) ||
                tagOf(own, _tags_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_KEYS */ .SE.sha) !== sha7) {
                return [];
            }
            const createdAt = (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEnvironmentTags */ .oN)(own).createdAt;
            return [
                {
                    targetGroupArn: group.targetGroupArn,
                    name: group.name,
                    pr,
                    sha7,
                    loadBalancerArns: group.loadBalancerArns,
                    ...(createdAt ? { createdAt } : {}),
                },
            ];
        });
        return { rules, targetGroups };
    }
}
function createElbRouter(ecs, settings, deps = {}) {
    return new ElbRouter(ecs, settings, deps);
}


/***/ }),

/***/ 4492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ textAt),
/* harmony export */   JO: () => (/* binding */ queryApi),
/* harmony export */   NK: () => (/* binding */ QueryApiError),
/* harmony export */   NO: () => (/* binding */ parseXml),
/* harmony export */   jf: () => (/* binding */ child),
/* harmony export */   ol: () => (/* binding */ members)
/* harmony export */ });
/* unused harmony exports isTransient, withRetries, serviceEndpoint, parseQueryError, unescapeXml */
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3422);
/* harmony import */ var _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5118);


/** An error answer of a Query API: named by its code, like the SDK's errors ("TargetGroupNotFound: …"). */
class QueryApiError extends Error {
    code;
    status;
    constructor(code, message, status) {
        super(message);
        this.code = code;
        this.status = status;
        this.name = code;
    }
}
/** Throttling and the services' own failures: worth another try (as are any 5xx and transport errors). */
const TRANSIENT_CODES = new Set([
    'RequestLimitExceeded',
    'Throttling',
    'ThrottlingException',
    'InternalError',
    'InternalFailure',
    'ServiceUnavailable',
    'Unavailable',
]);
const ATTEMPTS = 4;
function isTransient(error) {
    if (!(error instanceof QueryApiError))
        return true; // a transport failure: nothing reached the service
    return TRANSIENT_CODES.has(error.code) || (error.status ?? 0) >= 500;
}
/**
 * Runs `once` until it succeeds, fails for good, or has had its attempts (4), pausing 200, 400, 800 ms between
 * tries as the SDK's standard retry would (without its jitter: tests pass a sleep that records).
 */
async function withRetries(once, sleep) {
    for (let attempt = 1;; attempt += 1) {
        try {
            return await once();
        }
        catch (error) {
            if (attempt >= ATTEMPTS || !isTransient(error))
                throw error;
            await sleep(100 * 2 ** attempt);
        }
    }
}
/** Where `service` answers for this client: its custom endpoint (moto, a VPC endpoint) or the regional one. */
async function serviceEndpoint(ecs, service, region) {
    const config = ecs.config;
    if (config.isCustomEndpoint && config.endpoint) {
        const { protocol, hostname, port, path } = await config.endpoint();
        return { protocol, hostname, port, path: path || '/' };
    }
    const fips = (await config.useFipsEndpoint()) ? '-fips' : '';
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return { protocol: 'https:', hostname: `${service}${fips}.${region}.${suffix}`, path: '/' };
}
/** `<Code>` and `<Message>` of an error answer, EC2's (`<Response><Errors><Error>`) or ELB's (`<ErrorResponse><Error>`). */
function parseQueryError(xml, status, label) {
    const code = /<Code>([^<]*)<\/Code>/.exec(xml)?.[1] ?? `HTTP${status}`;
    const message = /<Message>([^<]*)<\/Message>/.exec(xml)?.[1];
    return new QueryApiError(code, message === undefined ? `${label} answered HTTP ${status}` : unescapeXml(message), status);
}
async function sendOnce(ecs, spec, params) {
    const config = ecs.config;
    const region = await config.region();
    const endpoint = await serviceEndpoint(ecs, spec.service, region);
    const body = new URLSearchParams({ ...params, Version: spec.version }).toString();
    const host = endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`;
    const request = new _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__.HttpRequest({
        ...endpoint,
        method: 'POST',
        headers: { host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
    });
    const signer = new _smithy_signature_v4__WEBPACK_IMPORTED_MODULE_1__.SignatureV4({
        credentials: config.credentials,
        region,
        service: spec.service,
        sha256: config.sha256,
    });
    const signed = await signer.sign(request);
    const { response } = await config.requestHandler.handle(signed);
    const bytes = await config.streamCollector(response.body);
    const xml = new TextDecoder().decode(bytes);
    if (response.statusCode < 200 || response.statusCode >= 300) {
        throw parseQueryError(xml, response.statusCode, spec.label);
    }
    return xml;
}
function queryApi(ecs, spec, sleep) {
    return {
        spec,
        call: (params) => {
            // The type already holds callers to the list; this holds the untyped ones (and the policy) to it too.
            if (!spec.actions.includes(params.Action)) {
                return Promise.reject(new Error(`${spec.label} action ${params.Action} is not declared for this adapter`));
            }
            return withRetries(() => sendOnce(ecs, spec, params), sleep);
        },
    };
}
// --- XML ---------------------------------------------------------------------------------------------------------
function unescapeXml(text) {
    return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_entity, name) => {
        if (name.startsWith('#x'))
            return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#'))
            return String.fromCodePoint(parseInt(name.slice(1), 10));
        return { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }[name] ?? '';
    });
}
const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|([^<]+)/g;
/** The document element of an XML answer. Throws on text that is not well-formed in the ways that matter here. */
function parseXml(xml) {
    const root = { name: '#document', children: [], text: '' };
    const open = [root];
    for (const match of xml.matchAll(TOKEN)) {
        const [, closing, name, selfClosing, text] = match;
        const current = open[open.length - 1];
        if (text !== undefined) {
            current.text += unescapeXml(text);
        }
        else if (name === undefined) {
            continue; // a comment or the declaration
        }
        else if (closing) {
            if (current.name !== name)
                throw new Error(`XML answer: </${name}> closes <${current.name}>`);
            open.pop();
        }
        else {
            const element = { name, children: [], text: '' };
            current.children.push(element);
            if (!selfClosing)
                open.push(element);
        }
    }
    if (open.length !== 1)
        throw new Error(`XML answer: <${open[open.length - 1]?.name}> is never closed`);
    const document = root.children[0];
    if (document === undefined)
        throw new Error('XML answer: no element');
    for (const element of walk(document))
        if (element.children.length > 0)
            element.text = '';
    return document;
}
function* walk(element) {
    yield element;
    for (const child of element.children)
        yield* walk(child);
}
/** The first child named `name`, following a path of names: `child(answer, 'CreateRuleResult', 'Rules')`. */
function child(element, ...path) {
    let current = element;
    for (const name of path)
        current = current?.children.find((c) => c.name === name);
    return current;
}
/** The items of a list element: its `member` children (ELB) or `item` children (EC2). */
function members(list) {
    return (list?.children ?? []).filter((c) => c.name === 'member' || c.name === 'item');
}
/** The text of the child at `path`, or undefined when there is no such child. */
function textAt(element, ...path) {
    return child(element, ...path)?.text;
}


/***/ }),

/***/ 9580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kf: () => (/* binding */ MANAGED_BY),
/* harmony export */   SE: () => (/* binding */ TAG_KEYS),
/* harmony export */   TA: () => (/* binding */ environmentTags),
/* harmony export */   oN: () => (/* binding */ parseEnvironmentTags),
/* harmony export */   yF: () => (/* binding */ isManaged)
/* harmony export */ });
/* unused harmony exports NO_EXPIRY, tagValue */
/* harmony import */ var _core_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4101);

const TAG_KEYS = {
    managedBy: 'managed-by',
    pr: 'showtime-pr',
    sha: 'showtime-sha',
    requester: 'showtime-requester',
    createdAt: 'showtime-created-at',
    expiresAt: 'showtime-expires-at',
};
const MANAGED_BY = 'showtime';
/** The expiry tag of an environment that lives until its PR closes or someone stops it. */
const NO_EXPIRY = 'none';
const MAX_TAG_VALUE = 256;
// ECS tag values allow letters, digits, spaces and + - = . _ : / @ only (a bot login's brackets are not).
const DISALLOWED = /[^\p{L}\p{N} +\-=._:/@]/gu;
function tagValue(text) {
    return text.replace(DISALLOWED, '_').slice(0, MAX_TAG_VALUE);
}
function environmentTags(fields) {
    return [
        { key: TAG_KEYS.managedBy, value: MANAGED_BY },
        { key: TAG_KEYS.pr, value: String(fields.pr) },
        { key: TAG_KEYS.sha, value: fields.sha7 },
        { key: TAG_KEYS.requester, value: tagValue(fields.requester) },
        { key: TAG_KEYS.createdAt, value: fields.createdAt.toISOString() },
        { key: TAG_KEYS.expiresAt, value: fields.expiresAt ? fields.expiresAt.toISOString() : NO_EXPIRY },
    ];
}
function isManaged(tags) {
    return (tags ?? []).some((t) => t.key === TAG_KEYS.managedBy && t.value === MANAGED_BY);
}
const PR = /^[1-9][0-9]{0,9}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
function parseDate(text) {
    if (text === undefined || !ISO.test(text))
        return undefined;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
/** Reads the showtime tags; a tag that is missing or damaged leaves its field undefined (never throws). */
function parseEnvironmentTags(tags) {
    const get = (key) => (tags ?? []).find((t) => t.key === key)?.value;
    const parsed = {};
    const pr = get(TAG_KEYS.pr);
    if (pr !== undefined && PR.test(pr))
        parsed.pr = Number(pr);
    const sha = (0,_core_values_js__WEBPACK_IMPORTED_MODULE_0__/* .toSha7 */ .j_)(get(TAG_KEYS.sha) ?? '');
    if (sha !== undefined)
        parsed.sha = sha;
    const requester = get(TAG_KEYS.requester);
    if (requester)
        parsed.requester = requester;
    const createdAt = parseDate(get(TAG_KEYS.createdAt));
    if (createdAt)
        parsed.createdAt = createdAt;
    const expiresAt = parseDate(get(TAG_KEYS.expiresAt));
    if (expiresAt)
        parsed.expiresAt = expiresAt;
    return parsed;
}


/***/ })

};
