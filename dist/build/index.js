import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 3251:
/***/ (function(module) {

/**
  * This file contains the Bottleneck library (MIT), compiled to ES2017, and without Clustering support.
  * https://github.com/SGrondin/bottleneck
  */
(function (global, factory) {
	 true ? module.exports = factory() :
	0;
}(this, (function () { 'use strict';

	var commonjsGlobal = typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : typeof global !== 'undefined' ? global : typeof self !== 'undefined' ? self : {};

	function getCjsExportFromNamespace (n) {
		return n && n['default'] || n;
	}

	var load = function(received, defaults, onto = {}) {
	  var k, ref, v;
	  for (k in defaults) {
	    v = defaults[k];
	    onto[k] = (ref = received[k]) != null ? ref : v;
	  }
	  return onto;
	};

	var overwrite = function(received, defaults, onto = {}) {
	  var k, v;
	  for (k in received) {
	    v = received[k];
	    if (defaults[k] !== void 0) {
	      onto[k] = v;
	    }
	  }
	  return onto;
	};

	var parser = {
		load: load,
		overwrite: overwrite
	};

	var DLList;

	DLList = class DLList {
	  constructor(incr, decr) {
	    this.incr = incr;
	    this.decr = decr;
	    this._first = null;
	    this._last = null;
	    this.length = 0;
	  }

	  push(value) {
	    var node;
	    this.length++;
	    if (typeof this.incr === "function") {
	      this.incr();
	    }
	    node = {
	      value,
	      prev: this._last,
	      next: null
	    };
	    if (this._last != null) {
	      this._last.next = node;
	      this._last = node;
	    } else {
	      this._first = this._last = node;
	    }
	    return void 0;
	  }

	  shift() {
	    var value;
	    if (this._first == null) {
	      return;
	    } else {
	      this.length--;
	      if (typeof this.decr === "function") {
	        this.decr();
	      }
	    }
	    value = this._first.value;
	    if ((this._first = this._first.next) != null) {
	      this._first.prev = null;
	    } else {
	      this._last = null;
	    }
	    return value;
	  }

	  first() {
	    if (this._first != null) {
	      return this._first.value;
	    }
	  }

	  getArray() {
	    var node, ref, results;
	    node = this._first;
	    results = [];
	    while (node != null) {
	      results.push((ref = node, node = node.next, ref.value));
	    }
	    return results;
	  }

	  forEachShift(cb) {
	    var node;
	    node = this.shift();
	    while (node != null) {
	      (cb(node), node = this.shift());
	    }
	    return void 0;
	  }

	  debug() {
	    var node, ref, ref1, ref2, results;
	    node = this._first;
	    results = [];
	    while (node != null) {
	      results.push((ref = node, node = node.next, {
	        value: ref.value,
	        prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
	        next: (ref2 = ref.next) != null ? ref2.value : void 0
	      }));
	    }
	    return results;
	  }

	};

	var DLList_1 = DLList;

	var Events;

	Events = class Events {
	  constructor(instance) {
	    this.instance = instance;
	    this._events = {};
	    if ((this.instance.on != null) || (this.instance.once != null) || (this.instance.removeAllListeners != null)) {
	      throw new Error("An Emitter already exists for this object");
	    }
	    this.instance.on = (name, cb) => {
	      return this._addListener(name, "many", cb);
	    };
	    this.instance.once = (name, cb) => {
	      return this._addListener(name, "once", cb);
	    };
	    this.instance.removeAllListeners = (name = null) => {
	      if (name != null) {
	        return delete this._events[name];
	      } else {
	        return this._events = {};
	      }
	    };
	  }

	  _addListener(name, status, cb) {
	    var base;
	    if ((base = this._events)[name] == null) {
	      base[name] = [];
	    }
	    this._events[name].push({cb, status});
	    return this.instance;
	  }

	  listenerCount(name) {
	    if (this._events[name] != null) {
	      return this._events[name].length;
	    } else {
	      return 0;
	    }
	  }

	  async trigger(name, ...args) {
	    var e, promises;
	    try {
	      if (name !== "debug") {
	        this.trigger("debug", `Event triggered: ${name}`, args);
	      }
	      if (this._events[name] == null) {
	        return;
	      }
	      this._events[name] = this._events[name].filter(function(listener) {
	        return listener.status !== "none";
	      });
	      promises = this._events[name].map(async(listener) => {
	        var e, returned;
	        if (listener.status === "none") {
	          return;
	        }
	        if (listener.status === "once") {
	          listener.status = "none";
	        }
	        try {
	          returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
	          if (typeof (returned != null ? returned.then : void 0) === "function") {
	            return (await returned);
	          } else {
	            return returned;
	          }
	        } catch (error) {
	          e = error;
	          {
	            this.trigger("error", e);
	          }
	          return null;
	        }
	      });
	      return ((await Promise.all(promises))).find(function(x) {
	        return x != null;
	      });
	    } catch (error) {
	      e = error;
	      {
	        this.trigger("error", e);
	      }
	      return null;
	    }
	  }

	};

	var Events_1 = Events;

	var DLList$1, Events$1, Queues;

	DLList$1 = DLList_1;

	Events$1 = Events_1;

	Queues = class Queues {
	  constructor(num_priorities) {
	    var i;
	    this.Events = new Events$1(this);
	    this._length = 0;
	    this._lists = (function() {
	      var j, ref, results;
	      results = [];
	      for (i = j = 1, ref = num_priorities; (1 <= ref ? j <= ref : j >= ref); i = 1 <= ref ? ++j : --j) {
	        results.push(new DLList$1((() => {
	          return this.incr();
	        }), (() => {
	          return this.decr();
	        })));
	      }
	      return results;
	    }).call(this);
	  }

	  incr() {
	    if (this._length++ === 0) {
	      return this.Events.trigger("leftzero");
	    }
	  }

	  decr() {
	    if (--this._length === 0) {
	      return this.Events.trigger("zero");
	    }
	  }

	  push(job) {
	    return this._lists[job.options.priority].push(job);
	  }

	  queued(priority) {
	    if (priority != null) {
	      return this._lists[priority].length;
	    } else {
	      return this._length;
	    }
	  }

	  shiftAll(fn) {
	    return this._lists.forEach(function(list) {
	      return list.forEachShift(fn);
	    });
	  }

	  getFirst(arr = this._lists) {
	    var j, len, list;
	    for (j = 0, len = arr.length; j < len; j++) {
	      list = arr[j];
	      if (list.length > 0) {
	        return list;
	      }
	    }
	    return [];
	  }

	  shiftLastFrom(priority) {
	    return this.getFirst(this._lists.slice(priority).reverse()).shift();
	  }

	};

	var Queues_1 = Queues;

	var BottleneckError;

	BottleneckError = class BottleneckError extends Error {};

	var BottleneckError_1 = BottleneckError;

	var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;

	NUM_PRIORITIES = 10;

	DEFAULT_PRIORITY = 5;

	parser$1 = parser;

	BottleneckError$1 = BottleneckError_1;

	Job = class Job {
	  constructor(task, args, options, jobDefaults, rejectOnDrop, Events, _states, Promise) {
	    this.task = task;
	    this.args = args;
	    this.rejectOnDrop = rejectOnDrop;
	    this.Events = Events;
	    this._states = _states;
	    this.Promise = Promise;
	    this.options = parser$1.load(options, jobDefaults);
	    this.options.priority = this._sanitizePriority(this.options.priority);
	    if (this.options.id === jobDefaults.id) {
	      this.options.id = `${this.options.id}-${this._randomIndex()}`;
	    }
	    this.promise = new this.Promise((_resolve, _reject) => {
	      this._resolve = _resolve;
	      this._reject = _reject;
	    });
	    this.retryCount = 0;
	  }

	  _sanitizePriority(priority) {
	    var sProperty;
	    sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
	    if (sProperty < 0) {
	      return 0;
	    } else if (sProperty > NUM_PRIORITIES - 1) {
	      return NUM_PRIORITIES - 1;
	    } else {
	      return sProperty;
	    }
	  }

	  _randomIndex() {
	    return Math.random().toString(36).slice(2);
	  }

	  doDrop({error, message = "This job has been dropped by Bottleneck"} = {}) {
	    if (this._states.remove(this.options.id)) {
	      if (this.rejectOnDrop) {
	        this._reject(error != null ? error : new BottleneckError$1(message));
	      }
	      this.Events.trigger("dropped", {args: this.args, options: this.options, task: this.task, promise: this.promise});
	      return true;
	    } else {
	      return false;
	    }
	  }

	  _assertStatus(expected) {
	    var status;
	    status = this._states.jobStatus(this.options.id);
	    if (!(status === expected || (expected === "DONE" && status === null))) {
	      throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
	    }
	  }

	  doReceive() {
	    this._states.start(this.options.id);
	    return this.Events.trigger("received", {args: this.args, options: this.options});
	  }

	  doQueue(reachedHWM, blocked) {
	    this._assertStatus("RECEIVED");
	    this._states.next(this.options.id);
	    return this.Events.trigger("queued", {args: this.args, options: this.options, reachedHWM, blocked});
	  }

	  doRun() {
	    if (this.retryCount === 0) {
	      this._assertStatus("QUEUED");
	      this._states.next(this.options.id);
	    } else {
	      this._assertStatus("EXECUTING");
	    }
	    return this.Events.trigger("scheduled", {args: this.args, options: this.options});
	  }

	  async doExecute(chained, clearGlobalState, run, free) {
	    var error, eventInfo, passed;
	    if (this.retryCount === 0) {
	      this._assertStatus("RUNNING");
	      this._states.next(this.options.id);
	    } else {
	      this._assertStatus("EXECUTING");
	    }
	    eventInfo = {args: this.args, options: this.options, retryCount: this.retryCount};
	    this.Events.trigger("executing", eventInfo);
	    try {
	      passed = (await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args)));
	      if (clearGlobalState()) {
	        this.doDone(eventInfo);
	        await free(this.options, eventInfo);
	        this._assertStatus("DONE");
	        return this._resolve(passed);
	      }
	    } catch (error1) {
	      error = error1;
	      return this._onFailure(error, eventInfo, clearGlobalState, run, free);
	    }
	  }

	  doExpire(clearGlobalState, run, free) {
	    var error, eventInfo;
	    if (this._states.jobStatus(this.options.id === "RUNNING")) {
	      this._states.next(this.options.id);
	    }
	    this._assertStatus("EXECUTING");
	    eventInfo = {args: this.args, options: this.options, retryCount: this.retryCount};
	    error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
	    return this._onFailure(error, eventInfo, clearGlobalState, run, free);
	  }

	  async _onFailure(error, eventInfo, clearGlobalState, run, free) {
	    var retry, retryAfter;
	    if (clearGlobalState()) {
	      retry = (await this.Events.trigger("failed", error, eventInfo));
	      if (retry != null) {
	        retryAfter = ~~retry;
	        this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
	        this.retryCount++;
	        return run(retryAfter);
	      } else {
	        this.doDone(eventInfo);
	        await free(this.options, eventInfo);
	        this._assertStatus("DONE");
	        return this._reject(error);
	      }
	    }
	  }

	  doDone(eventInfo) {
	    this._assertStatus("EXECUTING");
	    this._states.next(this.options.id);
	    return this.Events.trigger("done", eventInfo);
	  }

	};

	var Job_1 = Job;

	var BottleneckError$2, LocalDatastore, parser$2;

	parser$2 = parser;

	BottleneckError$2 = BottleneckError_1;

	LocalDatastore = class LocalDatastore {
	  constructor(instance, storeOptions, storeInstanceOptions) {
	    this.instance = instance;
	    this.storeOptions = storeOptions;
	    this.clientId = this.instance._randomIndex();
	    parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
	    this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
	    this._running = 0;
	    this._done = 0;
	    this._unblockTime = 0;
	    this.ready = this.Promise.resolve();
	    this.clients = {};
	    this._startHeartbeat();
	  }

	  _startHeartbeat() {
	    var base;
	    if ((this.heartbeat == null) && (((this.storeOptions.reservoirRefreshInterval != null) && (this.storeOptions.reservoirRefreshAmount != null)) || ((this.storeOptions.reservoirIncreaseInterval != null) && (this.storeOptions.reservoirIncreaseAmount != null)))) {
	      return typeof (base = (this.heartbeat = setInterval(() => {
	        var amount, incr, maximum, now, reservoir;
	        now = Date.now();
	        if ((this.storeOptions.reservoirRefreshInterval != null) && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
	          this._lastReservoirRefresh = now;
	          this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
	          this.instance._drainAll(this.computeCapacity());
	        }
	        if ((this.storeOptions.reservoirIncreaseInterval != null) && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
	          ({
	            reservoirIncreaseAmount: amount,
	            reservoirIncreaseMaximum: maximum,
	            reservoir
	          } = this.storeOptions);
	          this._lastReservoirIncrease = now;
	          incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
	          if (incr > 0) {
	            this.storeOptions.reservoir += incr;
	            return this.instance._drainAll(this.computeCapacity());
	          }
	        }
	      }, this.heartbeatInterval))).unref === "function" ? base.unref() : void 0;
	    } else {
	      return clearInterval(this.heartbeat);
	    }
	  }

	  async __publish__(message) {
	    await this.yieldLoop();
	    return this.instance.Events.trigger("message", message.toString());
	  }

	  async __disconnect__(flush) {
	    await this.yieldLoop();
	    clearInterval(this.heartbeat);
	    return this.Promise.resolve();
	  }

	  yieldLoop(t = 0) {
	    return new this.Promise(function(resolve, reject) {
	      return setTimeout(resolve, t);
	    });
	  }

	  computePenalty() {
	    var ref;
	    return (ref = this.storeOptions.penalty) != null ? ref : (15 * this.storeOptions.minTime) || 5000;
	  }

	  async __updateSettings__(options) {
	    await this.yieldLoop();
	    parser$2.overwrite(options, options, this.storeOptions);
	    this._startHeartbeat();
	    this.instance._drainAll(this.computeCapacity());
	    return true;
	  }

	  async __running__() {
	    await this.yieldLoop();
	    return this._running;
	  }

	  async __queued__() {
	    await this.yieldLoop();
	    return this.instance.queued();
	  }

	  async __done__() {
	    await this.yieldLoop();
	    return this._done;
	  }

	  async __groupCheck__(time) {
	    await this.yieldLoop();
	    return (this._nextRequest + this.timeout) < time;
	  }

	  computeCapacity() {
	    var maxConcurrent, reservoir;
	    ({maxConcurrent, reservoir} = this.storeOptions);
	    if ((maxConcurrent != null) && (reservoir != null)) {
	      return Math.min(maxConcurrent - this._running, reservoir);
	    } else if (maxConcurrent != null) {
	      return maxConcurrent - this._running;
	    } else if (reservoir != null) {
	      return reservoir;
	    } else {
	      return null;
	    }
	  }

	  conditionsCheck(weight) {
	    var capacity;
	    capacity = this.computeCapacity();
	    return (capacity == null) || weight <= capacity;
	  }

	  async __incrementReservoir__(incr) {
	    var reservoir;
	    await this.yieldLoop();
	    reservoir = this.storeOptions.reservoir += incr;
	    this.instance._drainAll(this.computeCapacity());
	    return reservoir;
	  }

	  async __currentReservoir__() {
	    await this.yieldLoop();
	    return this.storeOptions.reservoir;
	  }

	  isBlocked(now) {
	    return this._unblockTime >= now;
	  }

	  check(weight, now) {
	    return this.conditionsCheck(weight) && (this._nextRequest - now) <= 0;
	  }

	  async __check__(weight) {
	    var now;
	    await this.yieldLoop();
	    now = Date.now();
	    return this.check(weight, now);
	  }

	  async __register__(index, weight, expiration) {
	    var now, wait;
	    await this.yieldLoop();
	    now = Date.now();
	    if (this.conditionsCheck(weight)) {
	      this._running += weight;
	      if (this.storeOptions.reservoir != null) {
	        this.storeOptions.reservoir -= weight;
	      }
	      wait = Math.max(this._nextRequest - now, 0);
	      this._nextRequest = now + wait + this.storeOptions.minTime;
	      return {
	        success: true,
	        wait,
	        reservoir: this.storeOptions.reservoir
	      };
	    } else {
	      return {
	        success: false
	      };
	    }
	  }

	  strategyIsBlock() {
	    return this.storeOptions.strategy === 3;
	  }

	  async __submit__(queueLength, weight) {
	    var blocked, now, reachedHWM;
	    await this.yieldLoop();
	    if ((this.storeOptions.maxConcurrent != null) && weight > this.storeOptions.maxConcurrent) {
	      throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
	    }
	    now = Date.now();
	    reachedHWM = (this.storeOptions.highWater != null) && queueLength === this.storeOptions.highWater && !this.check(weight, now);
	    blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
	    if (blocked) {
	      this._unblockTime = now + this.computePenalty();
	      this._nextRequest = this._unblockTime + this.storeOptions.minTime;
	      this.instance._dropAllQueued();
	    }
	    return {
	      reachedHWM,
	      blocked,
	      strategy: this.storeOptions.strategy
	    };
	  }

	  async __free__(index, weight) {
	    await this.yieldLoop();
	    this._running -= weight;
	    this._done += weight;
	    this.instance._drainAll(this.computeCapacity());
	    return {
	      running: this._running
	    };
	  }

	};

	var LocalDatastore_1 = LocalDatastore;

	var BottleneckError$3, States;

	BottleneckError$3 = BottleneckError_1;

	States = class States {
	  constructor(status1) {
	    this.status = status1;
	    this._jobs = {};
	    this.counts = this.status.map(function() {
	      return 0;
	    });
	  }

	  next(id) {
	    var current, next;
	    current = this._jobs[id];
	    next = current + 1;
	    if ((current != null) && next < this.status.length) {
	      this.counts[current]--;
	      this.counts[next]++;
	      return this._jobs[id]++;
	    } else if (current != null) {
	      this.counts[current]--;
	      return delete this._jobs[id];
	    }
	  }

	  start(id) {
	    var initial;
	    initial = 0;
	    this._jobs[id] = initial;
	    return this.counts[initial]++;
	  }

	  remove(id) {
	    var current;
	    current = this._jobs[id];
	    if (current != null) {
	      this.counts[current]--;
	      delete this._jobs[id];
	    }
	    return current != null;
	  }

	  jobStatus(id) {
	    var ref;
	    return (ref = this.status[this._jobs[id]]) != null ? ref : null;
	  }

	  statusJobs(status) {
	    var k, pos, ref, results, v;
	    if (status != null) {
	      pos = this.status.indexOf(status);
	      if (pos < 0) {
	        throw new BottleneckError$3(`status must be one of ${this.status.join(', ')}`);
	      }
	      ref = this._jobs;
	      results = [];
	      for (k in ref) {
	        v = ref[k];
	        if (v === pos) {
	          results.push(k);
	        }
	      }
	      return results;
	    } else {
	      return Object.keys(this._jobs);
	    }
	  }

	  statusCounts() {
	    return this.counts.reduce(((acc, v, i) => {
	      acc[this.status[i]] = v;
	      return acc;
	    }), {});
	  }

	};

	var States_1 = States;

	var DLList$2, Sync;

	DLList$2 = DLList_1;

	Sync = class Sync {
	  constructor(name, Promise) {
	    this.schedule = this.schedule.bind(this);
	    this.name = name;
	    this.Promise = Promise;
	    this._running = 0;
	    this._queue = new DLList$2();
	  }

	  isEmpty() {
	    return this._queue.length === 0;
	  }

	  async _tryToRun() {
	    var args, cb, error, reject, resolve, returned, task;
	    if ((this._running < 1) && this._queue.length > 0) {
	      this._running++;
	      ({task, args, resolve, reject} = this._queue.shift());
	      cb = (await (async function() {
	        try {
	          returned = (await task(...args));
	          return function() {
	            return resolve(returned);
	          };
	        } catch (error1) {
	          error = error1;
	          return function() {
	            return reject(error);
	          };
	        }
	      })());
	      this._running--;
	      this._tryToRun();
	      return cb();
	    }
	  }

	  schedule(task, ...args) {
	    var promise, reject, resolve;
	    resolve = reject = null;
	    promise = new this.Promise(function(_resolve, _reject) {
	      resolve = _resolve;
	      return reject = _reject;
	    });
	    this._queue.push({task, args, resolve, reject});
	    this._tryToRun();
	    return promise;
	  }

	};

	var Sync_1 = Sync;

	var version = "2.19.5";
	var version$1 = {
		version: version
	};

	var version$2 = /*#__PURE__*/Object.freeze({
		version: version,
		default: version$1
	});

	var require$$2 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

	var require$$3 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

	var require$$4 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

	var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;

	parser$3 = parser;

	Events$2 = Events_1;

	RedisConnection$1 = require$$2;

	IORedisConnection$1 = require$$3;

	Scripts$1 = require$$4;

	Group = (function() {
	  class Group {
	    constructor(limiterOptions = {}) {
	      this.deleteKey = this.deleteKey.bind(this);
	      this.limiterOptions = limiterOptions;
	      parser$3.load(this.limiterOptions, this.defaults, this);
	      this.Events = new Events$2(this);
	      this.instances = {};
	      this.Bottleneck = Bottleneck_1;
	      this._startAutoCleanup();
	      this.sharedConnection = this.connection != null;
	      if (this.connection == null) {
	        if (this.limiterOptions.datastore === "redis") {
	          this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, {Events: this.Events}));
	        } else if (this.limiterOptions.datastore === "ioredis") {
	          this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, {Events: this.Events}));
	        }
	      }
	    }

	    key(key = "") {
	      var ref;
	      return (ref = this.instances[key]) != null ? ref : (() => {
	        var limiter;
	        limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
	          id: `${this.id}-${key}`,
	          timeout: this.timeout,
	          connection: this.connection
	        }));
	        this.Events.trigger("created", limiter, key);
	        return limiter;
	      })();
	    }

	    async deleteKey(key = "") {
	      var deleted, instance;
	      instance = this.instances[key];
	      if (this.connection) {
	        deleted = (await this.connection.__runCommand__(['del', ...Scripts$1.allKeys(`${this.id}-${key}`)]));
	      }
	      if (instance != null) {
	        delete this.instances[key];
	        await instance.disconnect();
	      }
	      return (instance != null) || deleted > 0;
	    }

	    limiters() {
	      var k, ref, results, v;
	      ref = this.instances;
	      results = [];
	      for (k in ref) {
	        v = ref[k];
	        results.push({
	          key: k,
	          limiter: v
	        });
	      }
	      return results;
	    }

	    keys() {
	      return Object.keys(this.instances);
	    }

	    async clusterKeys() {
	      var cursor, end, found, i, k, keys, len, next, start;
	      if (this.connection == null) {
	        return this.Promise.resolve(this.keys());
	      }
	      keys = [];
	      cursor = null;
	      start = `b_${this.id}-`.length;
	      end = "_settings".length;
	      while (cursor !== 0) {
	        [next, found] = (await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 10000]));
	        cursor = ~~next;
	        for (i = 0, len = found.length; i < len; i++) {
	          k = found[i];
	          keys.push(k.slice(start, -end));
	        }
	      }
	      return keys;
	    }

	    _startAutoCleanup() {
	      var base;
	      clearInterval(this.interval);
	      return typeof (base = (this.interval = setInterval(async() => {
	        var e, k, ref, results, time, v;
	        time = Date.now();
	        ref = this.instances;
	        results = [];
	        for (k in ref) {
	          v = ref[k];
	          try {
	            if ((await v._store.__groupCheck__(time))) {
	              results.push(this.deleteKey(k));
	            } else {
	              results.push(void 0);
	            }
	          } catch (error) {
	            e = error;
	            results.push(v.Events.trigger("error", e));
	          }
	        }
	        return results;
	      }, this.timeout / 2))).unref === "function" ? base.unref() : void 0;
	    }

	    updateSettings(options = {}) {
	      parser$3.overwrite(options, this.defaults, this);
	      parser$3.overwrite(options, options, this.limiterOptions);
	      if (options.timeout != null) {
	        return this._startAutoCleanup();
	      }
	    }

	    disconnect(flush = true) {
	      var ref;
	      if (!this.sharedConnection) {
	        return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
	      }
	    }

	  }
	  Group.prototype.defaults = {
	    timeout: 1000 * 60 * 5,
	    connection: null,
	    Promise: Promise,
	    id: "group-key"
	  };

	  return Group;

	}).call(commonjsGlobal);

	var Group_1 = Group;

	var Batcher, Events$3, parser$4;

	parser$4 = parser;

	Events$3 = Events_1;

	Batcher = (function() {
	  class Batcher {
	    constructor(options = {}) {
	      this.options = options;
	      parser$4.load(this.options, this.defaults, this);
	      this.Events = new Events$3(this);
	      this._arr = [];
	      this._resetPromise();
	      this._lastFlush = Date.now();
	    }

	    _resetPromise() {
	      return this._promise = new this.Promise((res, rej) => {
	        return this._resolve = res;
	      });
	    }

	    _flush() {
	      clearTimeout(this._timeout);
	      this._lastFlush = Date.now();
	      this._resolve();
	      this.Events.trigger("batch", this._arr);
	      this._arr = [];
	      return this._resetPromise();
	    }

	    add(data) {
	      var ret;
	      this._arr.push(data);
	      ret = this._promise;
	      if (this._arr.length === this.maxSize) {
	        this._flush();
	      } else if ((this.maxTime != null) && this._arr.length === 1) {
	        this._timeout = setTimeout(() => {
	          return this._flush();
	        }, this.maxTime);
	      }
	      return ret;
	    }

	  }
	  Batcher.prototype.defaults = {
	    maxTime: null,
	    maxSize: null,
	    Promise: Promise
	  };

	  return Batcher;

	}).call(commonjsGlobal);

	var Batcher_1 = Batcher;

	var require$$4$1 = () => console.log('You must import the full version of Bottleneck in order to use this feature.');

	var require$$8 = getCjsExportFromNamespace(version$2);

	var Bottleneck, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5,
	  splice = [].splice;

	NUM_PRIORITIES$1 = 10;

	DEFAULT_PRIORITY$1 = 5;

	parser$5 = parser;

	Queues$1 = Queues_1;

	Job$1 = Job_1;

	LocalDatastore$1 = LocalDatastore_1;

	RedisDatastore$1 = require$$4$1;

	Events$4 = Events_1;

	States$1 = States_1;

	Sync$1 = Sync_1;

	Bottleneck = (function() {
	  class Bottleneck {
	    constructor(options = {}, ...invalid) {
	      var storeInstanceOptions, storeOptions;
	      this._addToQueue = this._addToQueue.bind(this);
	      this._validateOptions(options, invalid);
	      parser$5.load(options, this.instanceDefaults, this);
	      this._queues = new Queues$1(NUM_PRIORITIES$1);
	      this._scheduled = {};
	      this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
	      this._limiter = null;
	      this.Events = new Events$4(this);
	      this._submitLock = new Sync$1("submit", this.Promise);
	      this._registerLock = new Sync$1("register", this.Promise);
	      storeOptions = parser$5.load(options, this.storeDefaults, {});
	      this._store = (function() {
	        if (this.datastore === "redis" || this.datastore === "ioredis" || (this.connection != null)) {
	          storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
	          return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
	        } else if (this.datastore === "local") {
	          storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
	          return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
	        } else {
	          throw new Bottleneck.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
	        }
	      }).call(this);
	      this._queues.on("leftzero", () => {
	        var ref;
	        return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
	      });
	      this._queues.on("zero", () => {
	        var ref;
	        return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
	      });
	    }

	    _validateOptions(options, invalid) {
	      if (!((options != null) && typeof options === "object" && invalid.length === 0)) {
	        throw new Bottleneck.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
	      }
	    }

	    ready() {
	      return this._store.ready;
	    }

	    clients() {
	      return this._store.clients;
	    }

	    channel() {
	      return `b_${this.id}`;
	    }

	    channel_client() {
	      return `b_${this.id}_${this._store.clientId}`;
	    }

	    publish(message) {
	      return this._store.__publish__(message);
	    }

	    disconnect(flush = true) {
	      return this._store.__disconnect__(flush);
	    }

	    chain(_limiter) {
	      this._limiter = _limiter;
	      return this;
	    }

	    queued(priority) {
	      return this._queues.queued(priority);
	    }

	    clusterQueued() {
	      return this._store.__queued__();
	    }

	    empty() {
	      return this.queued() === 0 && this._submitLock.isEmpty();
	    }

	    running() {
	      return this._store.__running__();
	    }

	    done() {
	      return this._store.__done__();
	    }

	    jobStatus(id) {
	      return this._states.jobStatus(id);
	    }

	    jobs(status) {
	      return this._states.statusJobs(status);
	    }

	    counts() {
	      return this._states.statusCounts();
	    }

	    _randomIndex() {
	      return Math.random().toString(36).slice(2);
	    }

	    check(weight = 1) {
	      return this._store.__check__(weight);
	    }

	    _clearGlobalState(index) {
	      if (this._scheduled[index] != null) {
	        clearTimeout(this._scheduled[index].expiration);
	        delete this._scheduled[index];
	        return true;
	      } else {
	        return false;
	      }
	    }

	    async _free(index, job, options, eventInfo) {
	      var e, running;
	      try {
	        ({running} = (await this._store.__free__(index, options.weight)));
	        this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
	        if (running === 0 && this.empty()) {
	          return this.Events.trigger("idle");
	        }
	      } catch (error1) {
	        e = error1;
	        return this.Events.trigger("error", e);
	      }
	    }

	    _run(index, job, wait) {
	      var clearGlobalState, free, run;
	      job.doRun();
	      clearGlobalState = this._clearGlobalState.bind(this, index);
	      run = this._run.bind(this, index, job);
	      free = this._free.bind(this, index, job);
	      return this._scheduled[index] = {
	        timeout: setTimeout(() => {
	          return job.doExecute(this._limiter, clearGlobalState, run, free);
	        }, wait),
	        expiration: job.options.expiration != null ? setTimeout(function() {
	          return job.doExpire(clearGlobalState, run, free);
	        }, wait + job.options.expiration) : void 0,
	        job: job
	      };
	    }

	    _drainOne(capacity) {
	      return this._registerLock.schedule(() => {
	        var args, index, next, options, queue;
	        if (this.queued() === 0) {
	          return this.Promise.resolve(null);
	        }
	        queue = this._queues.getFirst();
	        ({options, args} = next = queue.first());
	        if ((capacity != null) && options.weight > capacity) {
	          return this.Promise.resolve(null);
	        }
	        this.Events.trigger("debug", `Draining ${options.id}`, {args, options});
	        index = this._randomIndex();
	        return this._store.__register__(index, options.weight, options.expiration).then(({success, wait, reservoir}) => {
	          var empty;
	          this.Events.trigger("debug", `Drained ${options.id}`, {success, args, options});
	          if (success) {
	            queue.shift();
	            empty = this.empty();
	            if (empty) {
	              this.Events.trigger("empty");
	            }
	            if (reservoir === 0) {
	              this.Events.trigger("depleted", empty);
	            }
	            this._run(index, next, wait);
	            return this.Promise.resolve(options.weight);
	          } else {
	            return this.Promise.resolve(null);
	          }
	        });
	      });
	    }

	    _drainAll(capacity, total = 0) {
	      return this._drainOne(capacity).then((drained) => {
	        var newCapacity;
	        if (drained != null) {
	          newCapacity = capacity != null ? capacity - drained : capacity;
	          return this._drainAll(newCapacity, total + drained);
	        } else {
	          return this.Promise.resolve(total);
	        }
	      }).catch((e) => {
	        return this.Events.trigger("error", e);
	      });
	    }

	    _dropAllQueued(message) {
	      return this._queues.shiftAll(function(job) {
	        return job.doDrop({message});
	      });
	    }

	    stop(options = {}) {
	      var done, waitForExecuting;
	      options = parser$5.load(options, this.stopDefaults);
	      waitForExecuting = (at) => {
	        var finished;
	        finished = () => {
	          var counts;
	          counts = this._states.counts;
	          return (counts[0] + counts[1] + counts[2] + counts[3]) === at;
	        };
	        return new this.Promise((resolve, reject) => {
	          if (finished()) {
	            return resolve();
	          } else {
	            return this.on("done", () => {
	              if (finished()) {
	                this.removeAllListeners("done");
	                return resolve();
	              }
	            });
	          }
	        });
	      };
	      done = options.dropWaitingJobs ? (this._run = function(index, next) {
	        return next.doDrop({
	          message: options.dropErrorMessage
	        });
	      }, this._drainOne = () => {
	        return this.Promise.resolve(null);
	      }, this._registerLock.schedule(() => {
	        return this._submitLock.schedule(() => {
	          var k, ref, v;
	          ref = this._scheduled;
	          for (k in ref) {
	            v = ref[k];
	            if (this.jobStatus(v.job.options.id) === "RUNNING") {
	              clearTimeout(v.timeout);
	              clearTimeout(v.expiration);
	              v.job.doDrop({
	                message: options.dropErrorMessage
	              });
	            }
	          }
	          this._dropAllQueued(options.dropErrorMessage);
	          return waitForExecuting(0);
	        });
	      })) : this.schedule({
	        priority: NUM_PRIORITIES$1 - 1,
	        weight: 0
	      }, () => {
	        return waitForExecuting(1);
	      });
	      this._receive = function(job) {
	        return job._reject(new Bottleneck.prototype.BottleneckError(options.enqueueErrorMessage));
	      };
	      this.stop = () => {
	        return this.Promise.reject(new Bottleneck.prototype.BottleneckError("stop() has already been called"));
	      };
	      return done;
	    }

	    async _addToQueue(job) {
	      var args, blocked, error, options, reachedHWM, shifted, strategy;
	      ({args, options} = job);
	      try {
	        ({reachedHWM, blocked, strategy} = (await this._store.__submit__(this.queued(), options.weight)));
	      } catch (error1) {
	        error = error1;
	        this.Events.trigger("debug", `Could not queue ${options.id}`, {args, options, error});
	        job.doDrop({error});
	        return false;
	      }
	      if (blocked) {
	        job.doDrop();
	        return true;
	      } else if (reachedHWM) {
	        shifted = strategy === Bottleneck.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck.prototype.strategy.OVERFLOW ? job : void 0;
	        if (shifted != null) {
	          shifted.doDrop();
	        }
	        if ((shifted == null) || strategy === Bottleneck.prototype.strategy.OVERFLOW) {
	          if (shifted == null) {
	            job.doDrop();
	          }
	          return reachedHWM;
	        }
	      }
	      job.doQueue(reachedHWM, blocked);
	      this._queues.push(job);
	      await this._drainAll();
	      return reachedHWM;
	    }

	    _receive(job) {
	      if (this._states.jobStatus(job.options.id) != null) {
	        job._reject(new Bottleneck.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
	        return false;
	      } else {
	        job.doReceive();
	        return this._submitLock.schedule(this._addToQueue, job);
	      }
	    }

	    submit(...args) {
	      var cb, fn, job, options, ref, ref1, task;
	      if (typeof args[0] === "function") {
	        ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
	        options = parser$5.load({}, this.jobDefaults);
	      } else {
	        ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
	        options = parser$5.load(options, this.jobDefaults);
	      }
	      task = (...args) => {
	        return new this.Promise(function(resolve, reject) {
	          return fn(...args, function(...args) {
	            return (args[0] != null ? reject : resolve)(args);
	          });
	        });
	      };
	      job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
	      job.promise.then(function(args) {
	        return typeof cb === "function" ? cb(...args) : void 0;
	      }).catch(function(args) {
	        if (Array.isArray(args)) {
	          return typeof cb === "function" ? cb(...args) : void 0;
	        } else {
	          return typeof cb === "function" ? cb(args) : void 0;
	        }
	      });
	      return this._receive(job);
	    }

	    schedule(...args) {
	      var job, options, task;
	      if (typeof args[0] === "function") {
	        [task, ...args] = args;
	        options = {};
	      } else {
	        [options, task, ...args] = args;
	      }
	      job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
	      this._receive(job);
	      return job.promise;
	    }

	    wrap(fn) {
	      var schedule, wrapped;
	      schedule = this.schedule.bind(this);
	      wrapped = function(...args) {
	        return schedule(fn.bind(this), ...args);
	      };
	      wrapped.withOptions = function(options, ...args) {
	        return schedule(options, fn, ...args);
	      };
	      return wrapped;
	    }

	    async updateSettings(options = {}) {
	      await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
	      parser$5.overwrite(options, this.instanceDefaults, this);
	      return this;
	    }

	    currentReservoir() {
	      return this._store.__currentReservoir__();
	    }

	    incrementReservoir(incr = 0) {
	      return this._store.__incrementReservoir__(incr);
	    }

	  }
	  Bottleneck.default = Bottleneck;

	  Bottleneck.Events = Events$4;

	  Bottleneck.version = Bottleneck.prototype.version = require$$8.version;

	  Bottleneck.strategy = Bottleneck.prototype.strategy = {
	    LEAK: 1,
	    OVERFLOW: 2,
	    OVERFLOW_PRIORITY: 4,
	    BLOCK: 3
	  };

	  Bottleneck.BottleneckError = Bottleneck.prototype.BottleneckError = BottleneckError_1;

	  Bottleneck.Group = Bottleneck.prototype.Group = Group_1;

	  Bottleneck.RedisConnection = Bottleneck.prototype.RedisConnection = require$$2;

	  Bottleneck.IORedisConnection = Bottleneck.prototype.IORedisConnection = require$$3;

	  Bottleneck.Batcher = Bottleneck.prototype.Batcher = Batcher_1;

	  Bottleneck.prototype.jobDefaults = {
	    priority: DEFAULT_PRIORITY$1,
	    weight: 1,
	    expiration: null,
	    id: "<no-id>"
	  };

	  Bottleneck.prototype.storeDefaults = {
	    maxConcurrent: null,
	    minTime: 0,
	    highWater: null,
	    strategy: Bottleneck.prototype.strategy.LEAK,
	    penalty: null,
	    reservoir: null,
	    reservoirRefreshInterval: null,
	    reservoirRefreshAmount: null,
	    reservoirIncreaseInterval: null,
	    reservoirIncreaseAmount: null,
	    reservoirIncreaseMaximum: null
	  };

	  Bottleneck.prototype.localStoreDefaults = {
	    Promise: Promise,
	    timeout: null,
	    heartbeatInterval: 250
	  };

	  Bottleneck.prototype.redisStoreDefaults = {
	    Promise: Promise,
	    timeout: null,
	    heartbeatInterval: 5000,
	    clientTimeout: 10000,
	    Redis: null,
	    clientOptions: {},
	    clusterNodes: null,
	    clearDatastore: false,
	    connection: null
	  };

	  Bottleneck.prototype.instanceDefaults = {
	    datastore: "local",
	    connection: null,
	    id: "<no-id>",
	    rejectOnDrop: true,
	    trackDoneStatus: false,
	    Promise: Promise
	  };

	  Bottleneck.prototype.stopDefaults = {
	    enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
	    dropWaitingJobs: true,
	    dropErrorMessage: "This limiter has been stopped."
	  };

	  return Bottleneck;

	}).call(commonjsGlobal);

	var Bottleneck_1 = Bottleneck;

	var lib = Bottleneck_1;

	return lib;

})));


/***/ }),

/***/ 9593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IT: () => (/* binding */ targetGroupName),
/* harmony export */   JZ: () => (/* binding */ parseTargetGroupName),
/* harmony export */   Zb: () => (/* binding */ freePriority),
/* harmony export */   o2: () => (/* binding */ normalDomain),
/* harmony export */   o6: () => (/* binding */ parseHost),
/* harmony export */   rI: () => (/* binding */ listenerScope),
/* harmony export */   w4: () => (/* binding */ hostOf)
/* harmony export */ });
/* unused harmony exports MAX_TARGET_GROUP_NAME, MAX_RULE_PRIORITY, prHost, environmentHost */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Names in load-balancer mode: a PR's host under the preview domain and an environment's target group. Pure.

/** ELB's limit for target group names (letters, digits and inner hyphens only). */
const MAX_TARGET_GROUP_NAME = 32;
/** Listener rule priorities run from 1 to 50000 (the default rule has none). */
const MAX_RULE_PRIORITY = 50_000;
/**
 * Target group names are unique per account and region, not per load balancer: two repositories (or two listeners)
 * sharing an account would collide on `pr-1-<sha7>`. Six hex digits of the listener's ARN keep each listener's names
 * apart and are the same on every run.
 */
function listenerScope(listenerArn) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(listenerArn).digest('hex').slice(0, 6);
}
/** `pr-<N>-<sha7>-<scope>`: at most 3 + 10 + 1 + 7 + 1 + 6 = 28 characters. */
function targetGroupName(pr, sha7, scope) {
    return `pr-${pr}-${sha7}-${scope}`;
}
const TARGET_GROUP_NAME = /^pr-([1-9][0-9]{0,9})-([0-9a-f]{7})-([0-9a-f]{6})$/;
/** PR and sha7 of a target group name this adapter gave under this scope; undefined for any other name. */
function parseTargetGroupName(name, scope) {
    const match = TARGET_GROUP_NAME.exec(name);
    if (!match || match[3] !== scope)
        return undefined;
    return { pr: Number(match[1]), sha7: match[2] };
}
/** The preview domain as hosts end in it: `*.showtime.example.org.` and `Showtime.Example.org` → `showtime.example.org`. */
function normalDomain(domain) {
    return domain.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}
function prHost(pr, domain) {
    return `pr-${pr}.${normalDomain(domain)}`;
}
/**
 * An environment's own host, `pr-<N>-<sha7>.<domain>` (one DNS label, so the wildcard certificate and record cover
 * it): the action's health check reaches a new environment through the load balancer here before the PR's host
 * moves to it.
 */
function environmentHost(pr, sha7, domain) {
    return `pr-${pr}-${sha7}.${normalDomain(domain)}`;
}
/** Hosts compare without case, as ELB's do; any host but those two forms under the domain is undefined. */
function parseHost(host, domain) {
    const suffix = `.${normalDomain(domain)}`;
    const lower = host.toLowerCase();
    if (!lower.endsWith(suffix))
        return undefined;
    const match = /^pr-([1-9][0-9]{0,9})(?:-([0-9a-f]{7}))?$/.exec(lower.slice(0, -suffix.length));
    if (!match)
        return undefined;
    return match[2] === undefined ? { pr: Number(match[1]) } : { pr: Number(match[1]), sha7: match[2] };
}
function hostOf(target, domain) {
    return target.sha7 === undefined
        ? prHost(target.pr, domain)
        : environmentHost(target.pr, target.sha7, domain);
}
/**
 * A free priority for a PR's new rule: the PR number itself when free (rules then read in PR order), else the next
 * free one above it, wrapping round. Undefined when the listener has no free priority left.
 */
function freePriority(pr, used) {
    const start = ((pr - 1) % MAX_RULE_PRIORITY) + 1;
    for (let offset = 0; offset < MAX_RULE_PRIORITY; offset += 1) {
        const candidate = ((start - 1 + offset) % MAX_RULE_PRIORITY) + 1;
        if (!used.has(candidate))
            return candidate;
    }
    return undefined;
}


/***/ }),

/***/ 8301:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  th: () => (/* binding */ loadTaskDefinitionTemplate),
  P9: () => (/* binding */ renderTaskDefinition),
  v5: () => (/* binding */ reviseTaskDefinition)
});

// UNUSED EXPORTS: AUTO_MEMORY_LABEL, DEBUG_ENVIRONMENT, FEATURE_PREFIX, MANAGED_ENV_LABEL, TEMPLATE_FORM, configEnvironment, containerLogsUrl, fitContainerMemory, parseTaskDefinitionTemplate

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/core/values.ts
var values = __nccwpck_require__(4101);
;// CONCATENATED MODULE: ./src/aws/superset-task-definition.json
const superset_task_definition_namespaceObject = /*#__PURE__*/JSON.parse('{"family":"superset-showtime","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","runtimePlatform":{"cpuArchitecture":"X86_64","operatingSystemFamily":"LINUX"},"containerDefinitions":[{"name":"superset","image":"apache/superset:latest","essential":true,"portMappings":[{"containerPort":8080,"protocol":"tcp"}],"environment":[{"name":"SUPERSET_PORT","value":"8080"},{"name":"SUPERSET_LOAD_EXAMPLES","value":"yes"},{"name":"TALISMAN_ENABLED","value":"False"}]}]}');
;// CONCATENATED MODULE: ./src/aws/task-definition.ts
// Task definitions of environments: loading the template, rendering a revision for a new environment and revising
// a running one for a new configuration. Everything but the file loader is pure (data in, data out).



/** The fields RegisterTaskDefinition accepts; a revision is rebuilt from these alone. */
const REGISTERABLE = [
    'family',
    'taskRoleArn',
    'executionRoleArn',
    'networkMode',
    'containerDefinitions',
    'volumes',
    'placementConstraints',
    'requiresCompatibilities',
    'cpu',
    'memory',
    'tags',
    'pidMode',
    'ipcMode',
    'proxyConfiguration',
    'inferenceAccelerators',
    'ephemeralStorage',
    'runtimePlatform',
    'enableFaultInjection',
];
// Output of `aws ecs describe-task-definition` is a common starting point for a template: its read-only fields
// are dropped rather than refused.
const DESCRIBE_ONLY = new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
]);
const TEMPLATE_FORM = 'a RegisterTaskDefinition JSON object (as `aws ecs register-task-definition --cli-input-json` takes) with a ' +
    'non-empty containerDefinitions array of named containers';
/** Names of the variables the previous configuration set, so a revision can remove exactly those. */
const MANAGED_ENV_LABEL = 'showtime.managed-env';
/** Marks a container whose memory the adapter chose, so a new size re-divides it. */
const AUTO_MEMORY_LABEL = 'showtime.auto-memory';
const FEATURE_PREFIX = 'SUPERSET_FEATURE_';
/** What debug mode switches on in Superset. */
const DEBUG_ENVIRONMENT = {
    SUPERSET_LOG_LEVEL: 'DEBUG',
    FLASK_DEBUG: '1',
};
/** ECS refuses container memory limits below this (MiB). */
const MIN_CONTAINER_MEMORY = 6;
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function checkContainer(container, index) {
    if (!isRecord(container))
        return `containerDefinitions[${index}] is not an object`;
    if (typeof container.name !== 'string' || container.name === '') {
        return `containerDefinitions[${index}] has no name`;
    }
    if (container.image !== undefined && typeof container.image !== 'string') {
        return `container "${container.name}" has an image that is not a string`;
    }
    const environment = container.environment;
    if (environment !== undefined) {
        const valid = Array.isArray(environment) &&
            environment.every((e) => isRecord(e) && typeof e.name === 'string' && typeof e.value === 'string');
        if (!valid)
            return `container "${container.name}" has an environment that is not a list of {name, value} strings`;
    }
    for (const field of ['memory', 'memoryReservation', 'cpu']) {
        const value = container[field];
        if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < 0)) {
            return `container "${container.name}" has a ${field} that is not a whole number`;
        }
    }
    return undefined;
}
/** Checks the shape of a template; returns the error in words rather than throwing, whatever the text. */
function parseTaskDefinitionTemplate(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        return { error: `not valid JSON (${error.message})` };
    }
    if (isRecord(parsed) && isRecord(parsed.taskDefinition) && parsed.containerDefinitions === undefined) {
        parsed = parsed.taskDefinition;
    }
    if (!isRecord(parsed))
        return { error: 'not a JSON object' };
    const unknown = Object.keys(parsed).filter((key) => !DESCRIBE_ONLY.has(key) && !REGISTERABLE.includes(key));
    if (unknown.length > 0)
        return { error: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}` };
    const containers = parsed.containerDefinitions;
    if (!Array.isArray(containers) || containers.length === 0)
        return { error: 'no containerDefinitions' };
    for (const [index, container] of containers.entries()) {
        const problem = checkContainer(container, index);
        if (problem)
            return { error: problem };
    }
    const names = containers.map((c) => c.name);
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate !== undefined)
        return { error: `two containers are named "${duplicate}"` };
    const template = {};
    for (const [key, value] of Object.entries(parsed))
        if (!DESCRIBE_ONLY.has(key))
            template[key] = value;
    return { template: template };
}
/**
 * The template for new environments: the JSON file at `path` (from the consuming repository), or the Superset
 * template shipped with the action when no path is given. Throws with the file and the accepted form.
 */
function loadTaskDefinitionTemplate(path) {
    const useBuiltin = path === undefined || path.trim() === '';
    const source = useBuiltin ? 'the built-in Superset template' : path;
    let text;
    if (useBuiltin) {
        text = JSON.stringify(superset_task_definition_namespaceObject);
    }
    else {
        try {
            text = (0,external_node_fs_.readFileSync)(path, 'utf8');
        }
        catch (error) {
            throw new Error(`task-definition template ${path} cannot be read (${error.message}): expected ${TEMPLATE_FORM}`);
        }
    }
    const result = parseTaskDefinitionTemplate(text);
    if ('error' in result)
        throw new Error(`task-definition template ${source}: ${result.error}; expected ${TEMPLATE_FORM}`);
    return result.template;
}
/**
 * The environment variables a configuration sets: one SUPERSET_FEATURE_<FLAG> per flag ("True"/"False") and the
 * debug switches. Throws on a flag name outside the accepted form, before anything is sent to AWS.
 */
function configEnvironment(config) {
    const environment = {};
    for (const [name, enabled] of Object.entries(config.flags).sort(([a], [b]) => a.localeCompare(b))) {
        const flag = (0,values/* parseFlag */.og)(name);
        if (flag === undefined)
            throw new Error(`feature flag "${name}" is not valid: expected ${values/* FORMS */.yY.flag}`);
        const key = `${FEATURE_PREFIX}${flag}`;
        const value = enabled ? 'True' : 'False';
        if (environment[key] !== undefined && environment[key] !== value) {
            throw new Error(`feature flag ${flag} is both enabled and disabled (given as "${flag}" and "${key}")`);
        }
        environment[key] = value;
    }
    if (config.debug)
        Object.assign(environment, DEBUG_ENVIRONMENT);
    return environment;
}
function mergeEnvironment(base, ...layers) {
    const merged = new Map();
    for (const { name, value } of base)
        if (name !== undefined)
            merged.set(name, value ?? '');
    for (const layer of layers)
        for (const [name, value] of Object.entries(layer))
            merged.set(name, value);
    return [...merged].map(([name, value]) => ({ name, value }));
}
function withPort(container, port) {
    const mappings = container.portMappings ?? [];
    if (mappings.some((m) => m.containerPort === port))
        return container;
    return { ...container, portMappings: [...mappings, { containerPort: port, protocol: 'tcp' }] };
}
function withoutLabel(container, label) {
    if (container.dockerLabels?.[label] === undefined)
        return container;
    const { [label]: _removed, ...rest } = container.dockerLabels;
    return { ...container, dockerLabels: rest };
}
/**
 * Gives every container a memory limit (moto refuses RunTask without one, and a per-container limit is harmless on
 * Fargate): containers the template left without memory share what the others leave of the task's memory.
 */
function fitContainerMemory(containers, taskMemory) {
    const isAuto = (c) => c.dockerLabels?.[AUTO_MEMORY_LABEL] === 'true' ||
        (c.memory === undefined && c.memoryReservation === undefined);
    const fixed = containers.filter((c) => !isAuto(c));
    for (const container of fixed) {
        const limit = container.memory ?? container.memoryReservation ?? 0;
        if (limit > taskMemory) {
            throw new Error(`container "${container.name}" asks for ${limit} MiB but the task has ${taskMemory} MiB: ` +
                'choose a larger size or lower the container memory in the template');
        }
    }
    const autos = containers.filter(isAuto);
    if (autos.length === 0)
        return containers;
    const left = taskMemory - fixed.reduce((sum, c) => sum + (c.memory ?? c.memoryReservation ?? 0), 0);
    const share = Math.floor(left / autos.length);
    if (share < MIN_CONTAINER_MEMORY) {
        throw new Error(`the task's ${taskMemory} MiB leave ${Math.max(left, 0)} MiB for ${autos.map((c) => `"${c.name}"`).join(', ')}: ` +
            'choose a larger size or set memory on every container in the template');
    }
    return containers.map((c) => isAuto(c) ? { ...c, memory: share, dockerLabels: { ...c.dockerLabels, [AUTO_MEMORY_LABEL]: 'true' } } : c);
}
function applyConfig(container, layers, config) {
    const fromConfig = configEnvironment(config);
    const managed = Object.keys(fromConfig);
    const next = {
        ...withoutLabel(container, MANAGED_ENV_LABEL),
        environment: mergeEnvironment(container.environment ?? [], ...layers, fromConfig),
    };
    return managed.length === 0
        ? next
        : { ...next, dockerLabels: { ...next.dockerLabels, [MANAGED_ENV_LABEL]: managed.join(',') } };
}
function mainContainerIndex(containers, containerName) {
    const index = containers.findIndex((c) => c.name === containerName);
    if (index < 0) {
        const names = containers.map((c) => `"${c.name}"`).join(', ');
        throw new Error(`the task definition has no container named "${containerName}" (it has ${names})`);
    }
    return index;
}
/** The first revision of an environment's task definition, from the template. */
function renderTaskDefinition(template, params) {
    if (template.networkMode !== undefined && template.networkMode !== 'awsvpc') {
        throw new Error(`the task-definition template uses networkMode ${template.networkMode}: Fargate needs awsvpc`);
    }
    const containers = (template.containerDefinitions ?? []).map((c) => ({ ...c }));
    const index = mainContainerIndex(containers, params.containerName);
    let main = containers[index];
    const present = new Set((main.environment ?? []).map((e) => e.name).concat(Object.keys(params.environment)));
    const generated = Object.fromEntries(Object.entries(params.generated).filter(([name]) => !present.has(name)));
    main = applyConfig({ ...main, image: params.image }, [generated, params.environment], params.config);
    const secrets = Object.entries(params.secrets ?? {}).filter(([name]) => !present.has(name));
    if (secrets.length > 0) {
        const names = new Set(secrets.map(([name]) => name));
        main.secrets = [
            ...(main.secrets ?? []).filter((s) => !names.has(s.name ?? '')),
            ...secrets.map(([name, valueFrom]) => ({ name, valueFrom })),
        ];
    }
    main = withPort(main, params.containerPort);
    if (params.logGroup !== undefined) {
        main.logConfiguration = {
            logDriver: 'awslogs',
            options: {
                'awslogs-group': params.logGroup,
                'awslogs-region': params.region,
                'awslogs-stream-prefix': params.family,
            },
        };
    }
    containers[index] = main;
    const { family: _templateFamily, tags: templateTags, ...rest } = template;
    return {
        ...rest,
        family: params.family,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: String(params.size.cpu),
        memory: String(params.size.memory),
        ...(params.executionRoleArn !== undefined ? { executionRoleArn: params.executionRoleArn } : {}),
        ...(params.taskRoleArn !== undefined ? { taskRoleArn: params.taskRoleArn } : {}),
        containerDefinitions: fitContainerMemory(containers, params.size.memory),
        tags: mergeTags(templateTags ?? [], params.tags),
    };
}
function mergeTags(base, overrides) {
    const keys = new Set(overrides.map((t) => t.key));
    return [...base.filter((t) => !keys.has(t.key)), ...overrides];
}
/**
 * The next revision of a running environment: the current revision (same image, same everything else) with the
 * variables of the old configuration replaced by the new configuration's, and the new size. A flag the template
 * itself set and a configuration later overrode stays unset once the configuration drops it.
 */
function reviseTaskDefinition(current, params) {
    const containers = (current.containerDefinitions ?? []).map((c) => ({ ...c }));
    const index = mainContainerIndex(containers, params.containerName);
    const main = containers[index];
    const previous = new Set((main.dockerLabels?.[MANAGED_ENV_LABEL] ?? '').split(',').filter(Boolean));
    containers[index] = applyConfig({ ...main, environment: (main.environment ?? []).filter((e) => !previous.has(e.name ?? '')) }, [], params.config);
    const input = {};
    for (const key of REGISTERABLE)
        if (current[key] !== undefined)
            input[key] = current[key];
    return {
        ...input,
        family: current.family,
        cpu: String(params.size.cpu),
        memory: String(params.size.memory),
        containerDefinitions: fitContainerMemory(containers, params.size.memory),
        tags: params.tags,
    };
}
/**
 * The CloudWatch console page of an environment's container logs: the awslogs driver names its streams
 * `<stream prefix>/<container>/<task id>` and the stream prefix is the family (renderTaskDefinition), so the page is
 * the log group filtered on `<family>/<container>/`, which holds the streams of every task of that environment. The
 * console's fragment escapes `%` as `$25`, so a value is URI-encoded and its `%` written `$25`.
 */
function containerLogsUrl(params) {
    const fragment = (text) => encodeURIComponent(text).replace(/%/g, '$25');
    const group = fragment(params.logGroup);
    const prefix = fragment(`${params.family}/${params.containerName}/`);
    return (`https://${params.region}.console.aws.amazon.com/cloudwatch/home?region=${params.region}` +
        `#logsV2:log-groups/log-group/${group}/log-events$3FlogStreamNameFilter$3D${prefix}`);
}


/***/ }),

/***/ 3054:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F0: () => (/* binding */ SIZES),
/* harmony export */   f: () => (/* binding */ STATUSES)
/* harmony export */ });
/* unused harmony exports PERMISSIONS, ACTIONS */
/** Lifecycle of one environment (one SHA of one PR). */
const STATUSES = [
    'building',
    'built',
    'deploying',
    'running',
    'updating',
    'configuring',
    'destroying',
    'failed',
    /** Its service is scaled to zero: it costs nothing and keeps its labels, TTL included; a wake brings it back. */
    'sleeping',
];
const SIZES = ['small', 'medium', 'large'];
/** The GitHub permission levels of a collaborator, from strongest to weakest. */
const PERMISSIONS = (/* unused pure expression or super */ null && (['admin', 'maintain', 'write', 'triage', 'read', 'none']));
const ACTIONS = (/* unused pure expression or super */ null && ([
    'create',
    'rolling-update',
    'redeploy-config',
    'stop',
    'extend',
    'freeze',
    'unfreeze',
    'sleep',
    'wake',
    'status',
    'warn-expiry',
    'await-approval',
    'refuse',
    'nothing',
]));


/***/ }),

/***/ 4101:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   Kw: () => (/* binding */ parseTtl),
/* harmony export */   j_: () => (/* binding */ toSha7),
/* harmony export */   og: () => (/* binding */ parseFlag),
/* harmony export */   yY: () => (/* binding */ FORMS)
/* harmony export */ });
/* unused harmony exports isSha7, sha7Of, requireSha7, parseFullSha, requireSha, parseSha, MAX_FLAG_LENGTH, MIN_TTL_HOURS, MAX_TTL_HOURS, formatTtl, ttlDeadline, parseLogin, formatTime, formatDuration, describeTtl */
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3054);

/** The accepted forms, worded for people; error messages quote these. */
const FORMS = {
    sha: '7 or 40 lowercase hexadecimal characters, e.g. abc123f',
    commit: 'a full commit SHA: 40 lowercase hexadecimal characters',
    flag: 'an uppercase feature flag name of letters, digits and _, at most 32 characters, e.g. ALERT_REPORTS',
    size: _types_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZES */ .F0.join(', '),
    ttl: '<n>h, <n>d or <n>w (1 hour to 4 weeks), close or manual, e.g. 48h',
    login: 'a GitHub login: letters, digits and single hyphens, at most 39 characters',
};
const SHA = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/;
/** A commit SHA shortened to the 7 characters labels carry, or undefined when `text` is not a SHA. */
function toSha7(text) {
    return SHA.test(text) ? text.slice(0, 7) : undefined;
}
const SHA7 = /^[0-9a-f]{7}$/;
/** Exactly the 7 characters labels carry. */
function isSha7(text) {
    return SHA7.test(text);
}
/** The 7 characters of a SHA already known to be one. */
function sha7Of(sha) {
    return sha.slice(0, 7);
}
/** toSha7 for a value that must be a SHA: throws an Error that names the value and the accepted form. */
function requireSha7(text) {
    const sha7 = toSha7(text);
    if (sha7 === undefined)
        throw new Error(`SHA "${text}" is not ${FORMS.sha}`);
    return sha7;
}
const FULL_SHA = /^[0-9a-f]{40}$/;
/** A full commit SHA (40 lowercase hex), or undefined. */
function parseFullSha(text) {
    return FULL_SHA.test(text) ? text : undefined;
}
/** parseFullSha for a value that must be a full SHA: throws an Error that names the value and the accepted form. */
function requireSha(text) {
    const sha = parseFullSha(text);
    if (sha === undefined)
        throw new Error(`SHA "${text}" is not ${FORMS.commit}`);
    return sha;
}
/** Same rule as toSha7, keeping a full SHA whole (events pin the full SHA). */
function parseSha(text) {
    return SHA.test(text) ? text : undefined;
}
const MAX_FLAG_LENGTH = 32;
const FLAG = /^[A-Z0-9_]+$/;
/** A feature flag name as it follows SUPERSET_FEATURE_; the prefix itself is accepted and dropped. */
function parseFlag(text) {
    const name = text.startsWith('SUPERSET_FEATURE_') ? text.slice('SUPERSET_FEATURE_'.length) : text;
    return name.length > 0 && name.length <= MAX_FLAG_LENGTH && FLAG.test(name) ? name : undefined;
}
function parseSize(text) {
    return _types_js__WEBPACK_IMPORTED_MODULE_0__/* .SIZES */ .F0.includes(text) ? text : undefined;
}
const HOURS_PER_UNIT = { h: 1, d: 24, w: 168 };
const MIN_TTL_HOURS = 1;
const MAX_TTL_HOURS = 4 * 168;
function parseTtl(text) {
    if (text === 'close' || text === 'manual')
        return { kind: text };
    const match = /^([1-9][0-9]{0,3})([hdw])$/.exec(text);
    if (!match)
        return undefined;
    const hours = Number(match[1]) * HOURS_PER_UNIT[match[2]];
    return hours >= MIN_TTL_HOURS && hours <= MAX_TTL_HOURS ? { kind: 'duration', hours } : undefined;
}
/** The canonical text of a TTL: the largest unit that divides it evenly (48h is written 2d). */
function formatTtl(ttl) {
    if (ttl.kind !== 'duration')
        return ttl.kind;
    if (ttl.hours % HOURS_PER_UNIT.w === 0)
        return `${ttl.hours / HOURS_PER_UNIT.w}w`;
    if (ttl.hours % HOURS_PER_UNIT.d === 0)
        return `${ttl.hours / HOURS_PER_UNIT.d}d`;
    return `${ttl.hours}h`;
}
/** When an environment created at `createdAt` expires, or undefined when its TTL never runs out on its own. */
function ttlDeadline(ttl, createdAt) {
    return ttl.kind === 'duration' ? new Date(createdAt.getTime() + ttl.hours * 3_600_000) : undefined;
}
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
/** A GitHub login (bots end in `[bot]`, which is accepted as such). */
function parseLogin(text) {
    const base = text.endsWith('[bot]') ? text.slice(0, -'[bot]'.length) : text;
    return LOGIN.test(base) ? text : undefined;
}
/**
 * The one way a moment is shown to people (comments, summaries, messages): `2026-12-02 14:05 UTC`. GitHub renders no
 * live clocks, so what the PR shows is a moment, never a distance from "now" that goes stale once written.
 */
function formatTime(date) {
    return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
/**
 * The one way a duration is shown to people: `45m`, `5h 10m`, `36h`, `3d`, `3d 4h` (whole days from 48 hours on).
 * Negative durations read as `0m`. TTLs in labels keep their own canonical form (formatTtl), which this agrees with
 * for whole days and for fewer than 48 hours.
 */
function formatDuration(ms) {
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    if (minutes < 60)
        return `${minutes}m`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
    const days = Math.floor(hours / 24);
    return hours % 24 === 0 ? `${days}d` : `${days}d ${hours % 24}h`;
}
/** A TTL for people, in formatDuration's style: `36h`, `2d`, `2d 1h`, `until the PR closes`, `until stopped`. */
function describeTtl(ttl) {
    if (ttl.kind === 'close')
        return 'until the PR closes';
    if (ttl.kind === 'manual')
        return 'until stopped';
    return formatDuration(ttl.hours * 3_600_000);
}


/***/ }),

/***/ 6759:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _orchestrator_split_entry_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7968);

await (0,_orchestrator_split_entry_js__WEBPACK_IMPORTED_MODULE_0__/* .buildEntrypoint */ .zd)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7968:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  zd: () => (/* binding */ buildEntrypoint)
});

// UNUSED EXPORTS: archiveDir, deployEntrypoint

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = (/* unused pure expression or super */ null && (_summary));
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./src/runner/core.ts
// The runner's workflow commands (inputs, outputs, log lines, groups, the job summary, the failed status), written by
// @actions/core's own command modules. Not through its package entry: that one imports its OIDC client, and with it
// @actions/http-client and undici (about 1 MB of bundle), at every step's start, for a token this action never asks
// for. Measured with bench/cold-start.ts: the plan step's spawn → first request went from 180 to 139 ms (bare node:
// 84 ms). The package's `exports` map hides these modules, hence the paths; __tests__/runner/core.test.ts checks that
// every function here writes byte for byte what @actions/core's would.





/** The input as the runner passed it (INPUT_<NAME>), trimmed; '' when unset. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function info(message) {
    process.stdout.write(message + (external_node_os_default()).EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
function warning(message) {
    issueCommand('warning', toCommandProperties({}), message);
}
function error(message) {
    issueCommand('error', toCommandProperties({}), message);
}
/** An error annotation, and exit code 1 once the step ends. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
function setOutput(name, value) {
    if (process.env.GITHUB_OUTPUT) {
        issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
        return;
    }
    process.stdout.write((external_node_os_default()).EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
/** `fn`'s log lines folded under `name` in the run's log, closed however `fn` ends. */
async function group(name, fn) {
    issue('group', name);
    try {
        return await fn();
    }
    finally {
        issue('endgroup');
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "string_decoder"
var external_string_decoder_ = __nccwpck_require__(3193);
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(4434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(2613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
// EXTERNAL MODULE: ./src/core/values.ts
var values = __nccwpck_require__(4101);
;// CONCATENATED MODULE: ./src/docker/reference.ts
// Docker image references, checked against the grammar of the distribution project (the one docker and BuildKit
// use), so a bad input is refused with a clear message before docker is ever run. Pure, never throws.
/** The accepted forms, worded for people. */
const reference_REFERENCE_FORMS = {
    repository: 'an image repository without tag, e.g. apache/superset or ghcr.io/apache/superset (lowercase letters, digits and . _ - separators)',
    cacheRef: 'an image reference for the registry cache, e.g. ghcr.io/apache/superset-cache:showtime',
    image: 'an image reference with a tag or a digest, e.g. apache/superset:4.1.0 or apache/superset@sha256:<64 hex>',
};
/** Docker's own limit on the name (domain and path); references are also capped as a whole before any regex runs. */
const MAX_NAME_LENGTH = 255;
const MAX_REFERENCE_LENGTH = 512;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]{1,5}$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Splits and checks a reference; undefined when `text` is not one. */
function reference_parseDockerReference(text) {
    if (text.length === 0 || text.length > MAX_REFERENCE_LENGTH)
        return undefined;
    let rest = text;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return undefined;
    }
    let tag;
    // A colon after the last slash is a tag; one before it belongs to the registry's port.
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return undefined;
    }
    if (rest.length === 0 || rest.length > MAX_NAME_LENGTH)
        return undefined;
    const components = rest.split('/');
    let domain;
    const first = components[0] ?? '';
    // The rule docker applies: the first component names a registry when it looks like a host.
    if (components.length > 1 &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
        if (!isDomain(first))
            return undefined;
        domain = first;
        components.shift();
    }
    if (!components.every((c) => PATH_COMPONENT.test(c)))
        return undefined;
    const reference = { path: components.join('/') };
    if (domain !== undefined)
        reference.domain = domain;
    if (tag !== undefined)
        reference.tag = tag;
    if (digest !== undefined)
        reference.digest = digest;
    return reference;
}
function isDomain(text) {
    let host = text;
    const portAt = text.lastIndexOf(':');
    if (portAt > text.lastIndexOf(']')) {
        if (!PORT.test(text.slice(portAt + 1)))
            return false;
        host = text.slice(0, portAt);
    }
    if (IPV6_HOST.test(host))
        return true;
    return host.length > 0 && host.split('.').every((c) => DOMAIN_COMPONENT.test(c));
}
/** A repository to push to: a name with neither tag nor digest. */
function isRepository(text) {
    const reference = reference_parseDockerReference(text);
    return reference !== undefined && reference.tag === undefined && reference.digest === undefined;
}
/** A registry cache location: a name with an optional tag, no digest (a cache is overwritten in place). */
function isCacheRef(text) {
    const reference = reference_parseDockerReference(text);
    return reference !== undefined && reference.digest === undefined;
}
/** An image to deploy as it is: it must say which one, by tag or digest (no implicit `latest`). */
function reference_isPinnedImage(text) {
    const reference = reference_parseDockerReference(text);
    return reference !== undefined && (reference.tag !== undefined || reference.digest !== undefined);
}

;// CONCATENATED MODULE: ./src/docker/settings.ts
// What to build and how, as plain data, and the exact docker argv that follows from it. Pure: no I/O, no shell.
// Every value ends up as its own argv entry; validation here is what keeps an input from ever becoming a flag.



/** The action inputs the settings come from, so messages name what the user can fix. */
const BUILDER_INPUTS = {
    imageRepository: 'image-repository',
    context: 'build-context',
    dockerfile: 'dockerfile',
    target: 'build-target',
    buildArgs: 'build-args',
    platform: 'platform',
    cacheFrom: 'cache-from',
    cacheTo: 'cache-to',
    existingImage: 'existing-image',
};
const DEFAULT_BUILD_ARGS = ['INCLUDE_CHROMIUM=false', 'LOAD_EXAMPLES_DUCKDB=true'];
/** The defaults of everything but what must be given. */
const DEFAULT_BUILDER_SETTINGS = {
    target: 'ci',
    buildArgs: [...DEFAULT_BUILD_ARGS],
    platform: 'linux/amd64',
    forceRebuild: false,
    dryRun: false,
};
/** Settings from the required values and any overrides; defaults fill the rest. */
function builderSettings(required, overrides = {}) {
    return { ...DEFAULT_BUILDER_SETTINGS, buildArgs: [...DEFAULT_BUILD_ARGS], ...required, ...overrides };
}
/** Bad settings or request; thrown before any docker call, with every problem found. */
class settings_BuilderInputError extends Error {
    problems;
    constructor(problems) {
        super(`Cannot build the image:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'BuilderInputError';
    }
}
/** The tag of a PR commit's image: `{repository}:pr-{pr}-{sha7}-ci`. */
function settings_imageTag(imageRepository, request) {
    return `${imageRepository}:pr-${request.pr}-${(0,values/* toSha7 */.j_)(request.sha) ?? request.sha}-ci`;
}
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TARGET = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;
const LINE_BREAK_OR_NUL = /[\r\n\0\u2028\u2029]/;
/** Every problem with the request alone (existing-image mode needs nothing else). */
function requestProblems(request) {
    const problems = [];
    if (!Number.isSafeInteger(request.pr) || request.pr < 1) {
        problems.push(`PR number ${String(request.pr)} is not a positive integer.`);
    }
    if ((0,values/* toSha7 */.j_)(request.sha) === undefined) {
        problems.push(`Commit ${JSON.stringify(request.sha)} is not 7 or 40 lowercase hexadecimal characters.`);
    }
    return problems;
}
/** Every problem that would make the build refuse to start or run something other than intended. */
function settings_buildProblems(settings, request) {
    const problems = requestProblems(request);
    const input = (name) => `\`${BUILDER_INPUTS[name]}\``;
    if (!isRepository(settings.imageRepository)) {
        problems.push(`${input('imageRepository')} ${JSON.stringify(settings.imageRepository)} is not ${reference_REFERENCE_FORMS.repository}.`);
    }
    if (!external_node_path_default().isAbsolute(settings.context) || LINE_BREAK_OR_NUL.test(settings.context)) {
        problems.push(`${input('context')} ${JSON.stringify(settings.context)} is not an absolute path on one line.`);
    }
    if (settings.dockerfile !== undefined &&
        (settings.dockerfile.trim() === '' || LINE_BREAK_OR_NUL.test(settings.dockerfile))) {
        problems.push(`${input('dockerfile')} ${JSON.stringify(settings.dockerfile)} is not a path on one line (relative to the context), e.g. Dockerfile.`);
    }
    if (!TARGET.test(settings.target)) {
        problems.push(`${input('target')} ${JSON.stringify(settings.target)} is not a Dockerfile stage name: letters, digits, _ . -, e.g. ci.`);
    }
    if (!settings.platform.split(',').every((p) => PLATFORM.test(p))) {
        problems.push(`${input('platform')} ${JSON.stringify(settings.platform)} is not os/arch[/variant] (comma-separated), e.g. linux/amd64.`);
    }
    problems.push(...buildArgProblems(buildArgEntries(settings.buildArgs)));
    problems.push(...cacheFromProblems(settings.cacheFrom));
    if (settings.cacheTo !== undefined && settings.cacheTo.trim() !== '') {
        problems.push(`${input('cacheTo')} is set: every build this action runs is a pull request's code, so it writes no cache ` +
            'that a later build would read. Leave it empty and refresh the cache from a trusted workflow on pushes to ' +
            'the default branch (examples/workflows/showtime-cache.yml); `cache-from` reads it.');
    }
    return problems;
}
/** The build args as docker receives them, whichever form the settings hold them in. */
function buildArgEntries(buildArgs) {
    return isEntryList(buildArgs)
        ? buildArgs
        : Object.entries(buildArgs).map(([key, value]) => `${key}=${value}`);
}
function isEntryList(buildArgs) {
    return Array.isArray(buildArgs);
}
const CACHE_FROM_FORM = `one registry cache per line: ${reference_REFERENCE_FORMS.cacheRef}, or type=registry,ref=<image reference>`;
const CACHE_SPEC_PART = /^([a-z][a-z0-9_.-]*)=([^,\s]*)$/;
/** The registry caches of `cache-from`, one per non-empty line, trimmed. */
function cacheFromLines(value) {
    return (value ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
/**
 * The value of one --cache-from, or undefined unless `line` names a registry cache and nothing else. A type=gha
 * cache is refused: under pull_request_target its scope is the default branch's, which any job running a PR's code
 * in that scope can write, so it is not a cache only trusted builds wrote. Other types read local paths or services.
 */
function cacheFromSpec(line) {
    if (!line.startsWith('type='))
        return isCacheRef(line) ? `type=registry,ref=${line}` : undefined;
    const fields = new Map();
    for (const part of line.split(',')) {
        const match = CACHE_SPEC_PART.exec(part);
        if (!match || fields.has(match[1] ?? ''))
            return undefined;
        fields.set(match[1] ?? '', match[2] ?? '');
    }
    const ref = fields.get('ref') ?? '';
    return fields.get('type') === 'registry' && fields.size === 2 && isCacheRef(ref)
        ? `type=registry,ref=${ref}`
        : undefined;
}
function cacheFromProblems(value) {
    return cacheFromLines(value)
        .filter((line) => cacheFromSpec(line) === undefined)
        .map((line) => {
        const why = line.startsWith('type=gha')
            ? ": a type=gha cache is refused, since jobs that run a pull request's code can write the default branch's Actions cache"
            : '';
        return `\`${BUILDER_INPUTS.cacheFrom}\` line ${JSON.stringify(line.slice(0, 120))} is not ${CACHE_FROM_FORM}${why}.`;
    });
}
function buildArgProblems(buildArgs) {
    const problems = [];
    const seen = new Set();
    const form = `KEY=VALUE on one line, KEY matching [A-Za-z_][A-Za-z0-9_]*, e.g. ${DEFAULT_BUILD_ARGS[0] ?? ''}`;
    for (const entry of buildArgs) {
        const eq = entry.indexOf('=');
        const key = eq < 0 ? entry : entry.slice(0, eq);
        const shown = JSON.stringify(entry.length > 80 ? `${entry.slice(0, 79)}…` : entry);
        if (eq < 0 || !BUILD_ARG_KEY.test(key) || LINE_BREAK_OR_NUL.test(entry)) {
            problems.push(`\`${BUILDER_INPUTS.buildArgs}\` entry ${shown} is not ${form}.`);
        }
        else if (seen.has(key)) {
            problems.push(`\`${BUILDER_INPUTS.buildArgs}\` sets ${key} twice; give each key once.`);
        }
        seen.add(key);
    }
    return problems;
}
/** Problems of existing-image mode, which needs only the image and the request. */
function settings_existingImageProblems(existingImage, request) {
    const problems = requestProblems(request);
    if (!isPinnedImage(existingImage)) {
        problems.push(`\`${BUILDER_INPUTS.existingImage}\` ${JSON.stringify(existingImage)} is not ${REFERENCE_FORMS.image}.`);
    }
    return problems;
}
/**
 * The arguments of `docker` that build and push the image of `request` (`buildx build --push …`, without the
 * executable itself). Throws BuilderInputError when the settings or the request are not valid.
 */
function settings_buildArgv(settings, request) {
    const problems = settings_buildProblems(settings, request);
    if (problems.length > 0)
        throw new settings_BuilderInputError(problems);
    const argv = ['buildx', 'build', '--push', '--platform', settings.platform, '--target', settings.target];
    if (settings.dockerfile !== undefined)
        argv.push('--file', external_node_path_default().resolve(settings.context, settings.dockerfile));
    for (const arg of buildArgEntries(settings.buildArgs))
        argv.push('--build-arg', arg);
    // Read only: a PR build never gets a --cache-to (buildProblems refuses one).
    for (const line of cacheFromLines(settings.cacheFrom))
        argv.push('--cache-from', cacheFromSpec(line) ?? line);
    argv.push('--tag', settings_imageTag(settings.imageRepository, request), settings.context);
    return argv;
}
/** The arguments of `docker` that exit 0 exactly when the registry has `image`. */
function settings_inspectArgv(image) {
    return ['buildx', 'imagetools', 'inspect', image];
}
/** Why the split form's build job will not run with these settings (every problem, for one message). */
function archiveProblems(settings, request, tag, dest) {
    const problems = settings_buildProblems(settings, request);
    if (!reference_isPinnedImage(tag))
        problems.push(`The plan's image tag ${JSON.stringify(tag)} is not ${reference_REFERENCE_FORMS.image}.`);
    // The path goes into a comma-separated --output spec: a comma or a quote in it would start another field.
    if (!external_node_path_default().isAbsolute(dest) || /[,"'\s]/.test(dest) || LINE_BREAK_OR_NUL.test(dest)) {
        problems.push(`The archive path ${JSON.stringify(dest)} is not an absolute path without commas, quotes or spaces.`);
    }
    return problems;
}
/**
 * The arguments of `docker` that build `request` into an OCI archive at `dest` (`buildx build --output
 * type=oci,dest=…`): nothing is pushed and no cache is written. `tag` names the image inside the archive only.
 */
function archiveArgv(settings, request, tag, dest) {
    const problems = archiveProblems(settings, request, tag, dest);
    if (problems.length > 0)
        throw new settings_BuilderInputError(problems);
    const argv = settings_buildArgv(settings, request).filter((arg) => arg !== '--push');
    const context = argv.pop();
    const tagAt = argv.indexOf('--tag');
    argv.splice(tagAt, 2);
    argv.push('--output', `type=oci,dest=${dest}`, '--tag', tag, context);
    return argv;
}
const BUILD_JOB_RESULTS = (/* unused pure expression or super */ null && (['success', 'failure', 'cancelled', 'skipped']));
function settings_readHandoverInputs(read) {
    const problems = [];
    const digest = read('archive-digest').trim();
    if (digest !== '' && !/^sha256:[0-9a-f]{64}$/.test(digest)) {
        problems.push(`input 'archive-digest' is ${JSON.stringify(digest.slice(0, 80))}; expected sha256:<64 lowercase hex> (the build job's archive-digest output) or empty`);
    }
    const result = (read('build-result').trim() || 'skipped');
    if (!BUILD_JOB_RESULTS.includes(result)) {
        problems.push(`input 'build-result' is ${JSON.stringify(result.slice(0, 40))}; expected one of ${BUILD_JOB_RESULTS.join(', ')} (needs.build.result)`);
    }
    if (result === 'success' && digest === '') {
        problems.push("input 'build-result' is success but 'archive-digest' is empty; pass needs.build.outputs.archive-digest");
    }
    if (problems.length > 0)
        throw new settings_BuilderInputError(problems);
    return { archiveDigest: digest === '' ? undefined : digest, buildResult: result };
}

;// CONCATENATED MODULE: ./src/docker/builder.ts
// The docker adapter: makes sure the image of a PR commit is in the registry. docker is only ever run with an argv
// (never through a shell), and nothing from the PR's checkout runs here: the checkout is only BuildKit's context.





/** How many lines of docker's output a failure keeps (for callers that log them): BuildKit's error and context. */
const FAILURE_TAIL_LINES = 30;
/**
 * The message names the image and the exit code only: the output is the PR's (its Dockerfile, its build scripts),
 * so it stays in the workflow log, where the build streamed it, and never reaches a comment, summary or Slack.
 */
class DockerBuildError extends Error {
    image;
    exitCode;
    lastLines;
    constructor(image, exitCode, lastLines) {
        super(`docker buildx build of ${image} failed with exit code ${exitCode}; its output is in the run's log`);
        this.image = image;
        this.exitCode = exitCode;
        this.lastLines = lastLines;
        this.name = 'DockerBuildError';
    }
}
const builder_ACTIONS_LOG = {
    group: (name, fn) => group(name, fn),
    info: (message) => info(message),
};
class DockerBuilder {
    options;
    settings;
    log;
    /** A relative context (the `build-context` input's default is) is taken from the working directory. */
    constructor(settings, options = {}) {
        this.options = options;
        // Only a plausible path is resolved: an empty or multi-line one must reach validation as it is.
        const resolvable = settings.context.trim() !== '' && !/[\r\n\0]/.test(settings.context);
        this.settings = resolvable ? { ...settings, context: path.resolve(settings.context) } : settings;
        this.log = options.log ?? builder_ACTIONS_LOG;
    }
    async ensureImage(request) {
        const { settings } = this;
        if (settings.existingImage !== undefined) {
            const problems = existingImageProblems(settings.existingImage, request);
            if (problems.length > 0)
                throw new BuilderInputError(problems);
            this.log.info(`Using the existing image ${settings.existingImage}; nothing to build.`);
            return { image: settings.existingImage, built: false, skippedBecause: 'existing-image' };
        }
        const problems = buildProblems(settings, request);
        if (problems.length > 0)
            throw new BuilderInputError(problems);
        const image = imageTag(settings.imageRepository, request);
        const argv = buildArgv(settings, request);
        if (settings.dryRun) {
            this.log.info(`Dry run: would check the registry for ${image}, then run: docker ${argv.join(' ')}`);
            return { image, built: false, skippedBecause: 'dry-run', argv };
        }
        if (settings.forceRebuild) {
            this.log.info(`Rebuilding ${image} without looking in the registry (force-rebuild).`);
        }
        else if (await this.exists(image)) {
            this.log.info(`${image} is already in the registry; not building it again.`);
            return { image, built: false, skippedBecause: 'exists' };
        }
        await this.build(image, argv);
        return { image, built: true, argv };
    }
    /** Any failure to inspect (absent, no access, no network) counts as absent: the build then says what is wrong. */
    async exists(image) {
        const code = await exec('docker', inspectArgv(image), {
            ...this.execBase(),
            silent: true,
            ignoreReturnCode: true,
        });
        if (code !== 0)
            this.log.info(`${image} is not in the registry (inspect exited ${code}); building it.`);
        return code === 0;
    }
    async build(image, argv) {
        await runDockerBuild(image, argv, this.options, this.log);
    }
    execBase() {
        return execBase(this.options);
    }
}
function execBase(options) {
    const { env, output } = options;
    return { ...(env ? { env } : {}), ...(output ? { outStream: output, errStream: output } : {}) };
}
/**
 * Runs `docker <argv>` for a build of `image` and throws DockerBuildError when it fails. Shared by the one-job build
 * (which pushes) and the split form's build job (which writes an archive).
 */
async function runDockerBuild(image, argv, options = {}, log = builder_ACTIONS_LOG) {
    const tail = new LineTail(FAILURE_TAIL_LINES);
    // The build prints what the PR's Dockerfile makes it print: between these markers the runner reads no
    // workflow command (`::add-mask::`, `::error::`, …); the token is unguessable, so the output cannot end them.
    const token = `showtime-${(0,external_node_crypto_.randomUUID)()}`;
    const marker = (line) => {
        (options.output ?? process.stdout).write(`${line}\n`);
    };
    const code = await log.group(`Building ${image}`, async () => {
        marker(`::stop-commands::${token}`);
        try {
            return await exec_exec('docker', argv, {
                ...execBase(options),
                ignoreReturnCode: true,
                listeners: { stdline: (line) => tail.push(line), errline: (line) => tail.push(line) },
            });
        }
        finally {
            marker(`::${token}::`);
        }
    });
    if (code !== 0)
        throw new DockerBuildError(image, code, tail.lines());
}
/** The last `size` lines pushed, in order, in constant memory. */
class LineTail {
    size;
    buffer = [];
    next = 0;
    constructor(size) {
        this.size = size;
    }
    push(line) {
        if (this.buffer.length < this.size)
            this.buffer.push(line);
        else
            this.buffer[this.next] = line;
        this.next = (this.next + 1) % this.size;
    }
    lines() {
        return this.buffer.length < this.size
            ? [...this.buffer]
            : [...this.buffer.slice(this.next), ...this.buffer.slice(0, this.next)];
    }
}
function builder_createDockerBuilder(settings, options) {
    return new DockerBuilder(settings, options);
}

;// CONCATENATED MODULE: ./src/docker/archive.ts
// The split form's build job: builds the PR's image into an OCI archive file and reports the file's digest. It runs
// where nothing is worth stealing, so it first makes sure that is true: no token, no cloud credential, no registry
// login in its environment.






/** The archive's file name, the same in the build job (upload) and the deploy job (download). */
const archive_ARCHIVE_FILE = 'image.oci.tar';
async function archive_sha256File(file) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file))
        hash.update(chunk);
    return `sha256:${hash.digest('hex')}`;
}
// Names whose value is a credential wherever they appear; AWS_* is refused as a whole (keys, session, web identity).
const CREDENTIAL_NAMES = [
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'INPUT_GITHUB-TOKEN',
    'INPUT_GITHUB_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'DOCKER_AUTH_CONFIG',
    'REGISTRY_AUTH_FILE',
    'DOCKERHUB_TOKEN',
    'DOCKERHUB_PASSWORD',
];
/** Docker config files a registry login writes (docker/login-action, amazon-ecr-login, `docker login`). */
function dockerConfigFiles(env) {
    const home = env.HOME ?? external_node_os_default().homedir();
    return [
        external_node_path_default().join(env.DOCKER_CONFIG ?? external_node_path_default().join(home, '.docker'), 'config.json'),
        external_node_path_default().join(env.XDG_RUNTIME_DIR ?? '/nonexistent', 'containers', 'auth.json'),
    ];
}
/**
 * Every credential the build job can see: variables by name (values never read into a message) and registry logins
 * in docker's config. Empty means the job holds nothing a Dockerfile or an escape from BuildKit could take.
 */
function credentialsIn(env) {
    const found = Object.keys(env).filter((name) => (env[name] ?? '') !== '' && (CREDENTIAL_NAMES.includes(name.toUpperCase()) || /^AWS_/i.test(name)));
    for (const file of dockerConfigFiles(env)) {
        if (!(0,external_node_fs_.existsSync)(file))
            continue;
        try {
            const config = JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
            const auths = Object.keys((config.auths ?? {}));
            const helpers = Object.keys((config.credHelpers ?? {}));
            if (auths.length > 0 || helpers.length > 0 || config.credsStore !== undefined) {
                found.push(`registry login in ${file}`);
            }
        }
        catch {
            found.push(`unreadable docker config ${file}`);
        }
    }
    return found.sort();
}
/** docker's environment: the job's own, minus the runner's internal tokens, which a build has no use for. */
function buildEnvironment(env) {
    const result = {};
    for (const [key, value] of Object.entries(env)) {
        if (value === undefined || /^ACTIONS_(RUNTIME|RESULTS|CACHE)_/.test(key))
            continue;
        result[key] = value;
    }
    return result;
}
class DockerArchiveBuilder {
    settings;
    options;
    constructor(settings, options = {}) {
        this.settings = settings;
        this.options = options;
    }
    async buildArchive(request, tag, dest) {
        const settings = { ...this.settings, context: external_node_path_default().resolve(this.settings.context) };
        const argv = archiveArgv(settings, request, tag, dest);
        const log = this.options.log ?? builder_ACTIONS_LOG;
        if (settings.dryRun) {
            log.info(`Dry run: would run: docker ${argv.join(' ')}`);
            return undefined;
        }
        (0,external_node_fs_.rmSync)(dest, { force: true });
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(dest), { recursive: true });
        await runDockerBuild(tag, argv, this.options, log);
        if (!(0,external_node_fs_.existsSync)(dest))
            throw new Error(`docker buildx build exited 0 but wrote no archive at ${dest}`);
        return { path: dest, digest: await archive_sha256File(dest), bytes: (0,external_node_fs_.statSync)(dest).size };
    }
}

;// CONCATENATED MODULE: ./src/docker/handover.ts
// The deploy job's side of the hand-over: the image to deploy comes from the build job's archive (checked against
// the digest the build job reported, then pushed as bytes), from the registry (the plan found it there), or from
// `existing-image`. Always deployed by digest, so what runs is exactly what was checked.




/** The archive is not the one the build job made: it was changed on the way, and nothing from it is used. */
class ArchiveDigestMismatch extends Error {
    constructor(expected, actual) {
        super(`the image archive is ${actual}, not the ${expected} the build job reported: it changed after the build, ` +
            'so nothing was pushed or deployed');
        this.name = 'ArchiveDigestMismatch';
    }
}
class handover_HandedOverImage {
    handover;
    registry;
    log;
    /** The image the last call settled on, for the deploy job's `image` output. */
    deployed;
    constructor(handover, registry, log = ACTIONS_LOG) {
        this.handover = handover;
        this.registry = registry;
        this.log = log;
    }
    async ensureImage(request) {
        const result = await this.settle(request);
        this.deployed = result.image;
        return result;
    }
    async settle(request) {
        const { handover } = this;
        if (handover.existingImage !== undefined) {
            const problems = existingImageProblems(handover.existingImage, request);
            if (problems.length > 0)
                throw new BuilderInputError(problems);
            return { image: handover.existingImage, built: false, skippedBecause: 'existing-image' };
        }
        const tag = imageTag(handover.imageRepository, request);
        if (handover.buildResult === 'failure' || handover.buildResult === 'cancelled') {
            throw new Error(`the build job of ${tag} ended ${handover.buildResult}; its log is in the run`);
        }
        if (handover.archiveDigest !== undefined) {
            if (!existsSync(handover.archive)) {
                throw new Error(`the build job reported an image archive, but none was downloaded to ${handover.archive}`);
            }
            const actual = await sha256File(handover.archive);
            if (actual !== handover.archiveDigest)
                throw new ArchiveDigestMismatch(handover.archiveDigest, actual);
            this.log.info(`The image archive matches the build job's digest ${actual}.`);
            const digest = await this.registry.pushArchive(handover.archive, tag);
            return { image: digest ? byDigest(handover.imageRepository, digest) : tag, built: true };
        }
        if (handover.knownDigest !== undefined) {
            this.log.info(`${tag} was already in the registry when the plan ran; deploying it by digest.`);
            return {
                image: byDigest(handover.imageRepository, handover.knownDigest),
                built: false,
                skippedBecause: 'exists',
            };
        }
        // No build ran and the plan could not read the registry anonymously: this job may have the login it lacked.
        const lookup = await this.registry.digestOf(tag, { anonymous: false });
        if (!lookup.found) {
            throw new Error(`no build ran for ${tag} and the registry does not have it (${lookup.why})`);
        }
        return {
            image: byDigest(handover.imageRepository, lookup.digest),
            built: false,
            skippedBecause: 'exists',
        };
    }
}
function byDigest(repository, digest) {
    return `${repository}@${digest}`;
}

;// CONCATENATED MODULE: ./src/inputs.ts
// Every input and output of the actions, named once. action.yml, cleanup/action.yml, the three job actions of the
// split form (plan/, build/, deploy/) and the README tables are generated from this catalogue
// (scripts/action-metadata.ts) and a test keeps them in sync.
const JOB_ACTIONS = (/* unused pure expression or super */ null && (['plan', 'build', 'deploy']));
const BOTH = ['main', 'cleanup'];
const MAIN = ['main'];
const CLEANUP = ['cleanup'];
const INPUTS = [
    // GitHub
    {
        name: 'github-token',
        description: 'Token for the GitHub API: needs issues, pull-requests and deployments write, metadata read. The default token works.',
        default: '${{ github.token }}',
        actions: BOTH,
    },
    // AWS
    { name: 'aws-region', description: 'AWS region of the ECS cluster.', default: 'us-west-2', actions: BOTH },
    {
        name: 'ecs-cluster',
        description: 'ECS cluster the environments run in.',
        default: 'superset-ci',
        actions: BOTH,
    },
    {
        name: 'subnets',
        description: 'Subnet IDs for the tasks, comma or newline separated (required to deploy).',
        actions: MAIN,
    },
    {
        name: 'security-groups',
        description: 'Security group IDs for the tasks, comma or newline separated (required to deploy).',
        actions: MAIN,
    },
    {
        name: 'assign-public-ip',
        description: 'Give each task a public IP (true/false). Give the cleanup action the same value: it reads the IP of a task Fargate replaced.',
        default: 'true',
        actions: BOTH,
    },
    {
        name: 'task-definition',
        description: 'Path (in the consuming repository) of a task-definition JSON template; empty uses the built-in Superset template.',
        actions: MAIN,
    },
    {
        name: 'container-name',
        description: 'Name of the Superset container in the template.',
        default: 'superset',
        actions: MAIN,
    },
    {
        name: 'container-port',
        description: 'Port Superset listens on in the container.',
        default: '8080',
        actions: MAIN,
    },
    {
        name: 'execution-role-arn',
        description: 'Task execution role (pulls the image, writes logs); overrides the template.',
        actions: MAIN,
    },
    {
        name: 'task-role-arn',
        description: 'Task role for the Superset container; overrides the template.',
        actions: MAIN,
    },
    {
        name: 'log-group',
        description: 'CloudWatch log group for the containers; overrides the template.',
        actions: MAIN,
    },
    {
        name: 'extra-env',
        description: 'Extra container environment, one KEY=VALUE per line.',
        actions: MAIN,
    },
    {
        name: 'feature-flags',
        description: 'Feature flags every environment starts with, e.g. "ALERT_REPORTS DASHBOARD_RBAC" (space, comma or newline).',
        actions: MAIN,
    },
    { name: 'size', description: 'Default size: small, medium or large.', default: 'medium', actions: MAIN },
    {
        name: 'health-check-path',
        description: 'HTTP path that answers 200 when Superset is up.',
        default: '/health',
        actions: MAIN,
    },
    {
        name: 'stable-timeout-minutes',
        description: 'How long to wait for the ECS service to become stable.',
        default: '15',
        actions: MAIN,
    },
    {
        name: 'health-timeout-seconds',
        description: 'How long to wait for the health check to pass.',
        default: '600',
        actions: MAIN,
    },
    {
        name: 'poll-interval-seconds',
        description: 'Longest pause between two polls of ECS: the pauses start at 2 s and grow by half up to this. Health checks run every 2 s, or every this many seconds when it is shorter (decimals allowed).',
        default: '10',
        actions: MAIN,
    },
    {
        name: 'fargate-spot',
        description: 'Run the environments on Fargate Spot (about 70 % cheaper; AWS may reclaim a task at two minutes notice). The cluster needs the FARGATE_SPOT capacity provider (the stack adds it). Costs shown are then cost-per-hour × 0.3; give it to the cleanup action too, for the dashboard.',
        default: 'false',
        actions: BOTH,
    },
    {
        name: 'load-balancer-listener-arn',
        description: 'Load-balancer mode: ARN of an existing ALB HTTPS listener whose certificate covers *.<preview-domain>. Each PR then answers at https://pr-<N>.<preview-domain>, and a new commit switches traffic with one listener rule change. Empty: each environment answers at its task IP.',
        actions: BOTH,
    },
    {
        name: 'preview-domain',
        description: 'Load-balancer mode: the domain whose wildcard DNS record points at the load balancer, e.g. showtime.example.org (at most 26 characters, so that a PR host fits a label).',
        actions: BOTH,
    },
    {
        name: 'load-balancer-vpc-id',
        description: "Load-balancer mode: the load balancer's VPC, where each environment's target group is made.",
        actions: MAIN,
    },
    {
        name: 'load-balancer-address',
        description: "Load-balancer mode: base URL the action sends its health checks to, with the preview host as the Host header (e.g. an internal listener's http://10.0.0.5). Empty: https://<host> through DNS.",
        actions: MAIN,
    },
    {
        name: 'aws-endpoint',
        description: 'Endpoint override for the AWS APIs (tests, local stacks).',
        actions: BOTH,
    },
    // Docker
    {
        name: 'image-repository',
        description: "Image repository the PR images are pushed to and pulled from; empty uses the stack's ECR repository superset-showtime-pr in the credentials' account and aws-region. An ECR repository's tags are deleted at teardown.",
        actions: BOTH,
    },
    {
        name: 'build-context',
        description: 'Directory of the checkout of the PR SHA (the action checks it out there when it needs a build).',
        default: '.showtime/checkout',
        actions: MAIN,
    },
    {
        name: 'dockerfile',
        description: "Dockerfile path relative to the build context; empty uses the context's Dockerfile.",
        actions: MAIN,
    },
    { name: 'build-target', description: 'Dockerfile target.', default: 'ci', actions: MAIN },
    {
        name: 'build-args',
        description: 'Build arguments, one KEY=VALUE per line.',
        default: 'INCLUDE_CHROMIUM=false\nLOAD_EXAMPLES_DUCKDB=true',
        actions: MAIN,
    },
    { name: 'platform', description: 'Target platform of the image.', default: 'linux/amd64', actions: MAIN },
    {
        name: 'cache-from',
        description: 'Registry caches the build reads layers from, one per line: an image reference (e.g. ghcr.io/apache/superset-showtime-cache:ci) or type=registry,ref=…. Only a trusted workflow writes them (examples/workflows/showtime-cache.yml); the split form reads them anonymously, so they must be public.',
        actions: MAIN,
    },
    {
        name: 'cache-to',
        description: 'Refused when set: a PR build never writes a layer cache. Refresh it from a trusted workflow on pushes to the default branch (examples/workflows/showtime-cache.yml).',
        actions: MAIN,
    },
    {
        name: 'force-rebuild',
        description: 'Build even when the image for the SHA already exists (true/false).',
        default: 'false',
        actions: MAIN,
    },
    {
        name: 'allow-unsafe-fork-builds',
        description: "Build a fork's approved commit in this one job, which also holds the deploy role and a write token (true/false). Leave it false and use the plan, build and deploy actions for fork PRs: their build job holds nothing worth stealing.",
        default: 'false',
        actions: MAIN,
    },
    {
        name: 'existing-image',
        description: 'Deploy this image instead of building one (skips checkout and docker entirely).',
        actions: MAIN,
    },
    // Policy
    {
        name: 'default-ttl',
        description: 'Lifetime of a new environment: <n>h, <n>d, <n>w, close or manual.',
        default: '48h',
        actions: BOTH,
    },
    {
        name: 'lease-minutes',
        description: 'How long a run may hold a PR while building or deploying before another run or the sweep takes over.',
        default: '60',
        actions: BOTH,
    },
    {
        name: 'expiry-warning-hours',
        description: 'The sweep warns on the PR this long before an environment expires.',
        default: '6',
        actions: BOTH,
    },
    {
        name: 'max-environments',
        description: 'Most environments running at once in the repository (empty: no limit).',
        actions: MAIN,
    },
    {
        name: 'max-environments-per-requester',
        description: 'Most environments one person may have asked for at once (empty: no limit).',
        actions: MAIN,
    },
    {
        name: 'cost-per-hour',
        description: 'Estimated on-demand USD per hour for small,medium,large, used in the status comment and the dashboard (× 0.3 with fargate-spot).',
        default: '0.03,0.06,0.12',
        actions: BOTH,
    },
    {
        name: 'slack-webhook-url',
        description: 'Slack incoming webhook for ready/failed/expiring/destroyed notices.',
        actions: BOTH,
    },
    // Cleanup only
    {
        name: 'sleep-schedule',
        description: 'When the cleanup sweep puts running environments to sleep (scaled to zero, costing nothing; `/showtime wake`, the start label or a push wakes one), e.g. "Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam". Run the sweep at least hourly: it acts within the first hour of each window. Empty: never.',
        actions: CLEANUP,
    },
    {
        name: 'orphan-grace-minutes',
        description: 'A managed ECS service no PR claims is deleted only once it is older than this.',
        default: '30',
        actions: CLEANUP,
    },
    {
        name: 'delete-unused-labels',
        description: 'Delete repository-level 🎪 label definitions that no PR uses any more (true/false). Done by sweeps that have something due and by runs started by hand (workflow_dispatch); a scheduled sweep with nothing due lists no labels.',
        default: 'true',
        actions: CLEANUP,
    },
    // Dry runs
    {
        name: 'dry-run-github',
        description: 'Write nothing to GitHub; log what would be written (true/false).',
        default: 'false',
        actions: BOTH,
    },
    {
        name: 'dry-run-aws',
        description: 'Create or delete nothing in AWS (true/false).',
        default: 'false',
        actions: BOTH,
    },
    {
        name: 'dry-run-docker',
        description: 'Run no docker command (true/false).',
        default: 'false',
        actions: MAIN,
    },
    // The hand-over between the jobs of the split form
    {
        name: 'plan',
        description: "The plan job's `plan` output: the versioned JSON record of its decisions (a job output, which no later job can change).",
        actions: ['build', 'deploy'],
    },
    {
        name: 'archive-digest',
        description: "The build job's `archive-digest` output: sha256 of the image archive it uploaded; empty when no build ran.",
        actions: ['deploy'],
    },
    {
        name: 'build-result',
        description: "The build job's result (`needs.build.result`): success, failure, cancelled or skipped.",
        default: 'skipped',
        actions: ['deploy'],
    },
    {
        name: 'artifact-name',
        description: 'Name of the workflow artifact that carries the image archive from the build job to the deploy job.',
        default: 'showtime-image',
        actions: ['build', 'deploy'],
    },
];
const OUTPUTS = [
    {
        name: 'action',
        description: 'What the run did: one of the planner actions (create, rolling-update, stop, …).',
        actions: MAIN,
    },
    { name: 'reason', description: 'Machine-readable reason of the decision.', actions: MAIN },
    { name: 'pr-number', description: 'The pull request the run worked on.', actions: MAIN },
    { name: 'target-sha', description: 'The commit SHA the run deployed or acted on.', actions: MAIN },
    { name: 'build-needed', description: 'Whether a docker build was needed (true/false).', actions: MAIN },
    { name: 'environment-url', description: 'URL of the environment, once it is running.', actions: MAIN },
    { name: 'status', description: 'Status of the environment after the run.', actions: MAIN },
    {
        name: 'plan',
        description: 'The versioned JSON record of the decisions, for the build and deploy jobs of the split form.',
        actions: [],
    },
    {
        name: 'image-tag',
        description: 'The image the build job builds, repository and tag (empty when no build is needed).',
        actions: [],
    },
    { name: 'archive-digest', description: 'sha256 of the image archive the build job uploaded.', actions: [] },
    { name: 'archive-bytes', description: 'Size of the image archive in bytes.', actions: [] },
    {
        name: 'image',
        description: 'The image the deploy job deployed, by digest (repository@sha256:…).',
        actions: [],
    },
    {
        name: 'environments',
        description: 'JSON list of every environment the sweep saw, after it acted.',
        actions: CLEANUP,
    },
    {
        name: 'cleaned',
        description: 'How many environments, services and labels the sweep removed.',
        actions: CLEANUP,
    },
];
/**
 * The inputs of the one-job form each job of the split form takes. The plan decides and claims: it needs the
 * policy and the image's name, never AWS. The build job is handed nothing worth stealing: no token (no input has a
 * `${{ github.token }}` default there), no AWS, only what shapes the build. The deploy job takes every other input,
 * so an input added to the one-job form reaches it without a change here.
 */
const PLAN_TAKES = [
    'github-token',
    'image-repository',
    'force-rebuild',
    'existing-image',
    'size',
    'feature-flags',
    'default-ttl',
    'lease-minutes',
    'expiry-warning-hours',
    'max-environments',
    'max-environments-per-requester',
    'dry-run-github',
    'dry-run-docker',
];
const BUILD_TAKES = [
    'build-context',
    'dockerfile',
    'build-target',
    'build-args',
    'platform',
    'cache-from',
    'cache-to',
    'dry-run-docker',
];
const DEPLOY_SKIPS = [
    ...BUILD_TAKES.filter((name) => name !== 'dry-run-docker'),
    'force-rebuild',
    // The split form builds forks in its build job; the switch exists only for the one-job form.
    'allow-unsafe-fork-builds',
];
const SPLIT_OUTPUTS = {
    plan: ['action', 'reason', 'pr-number', 'target-sha', 'build-needed', 'plan', 'image-tag'],
    build: ['archive-digest', 'archive-bytes'],
    deploy: [
        'action',
        'reason',
        'pr-number',
        'target-sha',
        'build-needed',
        'environment-url',
        'status',
        'image',
    ],
};
function takes(spec, action) {
    if (spec.actions.includes(action))
        return true;
    if (!spec.actions.includes('main'))
        return false;
    const name = spec.name;
    if (action === 'plan')
        return PLAN_TAKES.includes(name);
    if (action === 'build')
        return BUILD_TAKES.includes(name);
    return action === 'deploy' && !DEPLOY_SKIPS.includes(name);
}
function inputsOf(action) {
    return INPUTS.filter((input) => takes(input, action));
}
function outputsOf(action) {
    if (action === 'plan' || action === 'build' || action === 'deploy') {
        const names = SPLIT_OUTPUTS[action];
        return OUTPUTS.filter((output) => names.includes(output.name));
    }
    return OUTPUTS.filter((output) => output.actions.includes(action));
}
/** The environment variable the runner (or a composite step) uses to hand an input to a JavaScript program. */
function inputEnvName(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

// EXTERNAL MODULE: ./src/core/types.ts
var types = __nccwpck_require__(3054);
;// CONCATENATED MODULE: ./src/core/labels.ts


const CIRCUS = '🎪';
/** Labels people (or slash commands) add to ask for something; the action consumes them. */
const labels_TRIGGER_START = '🎪 ⚡ showtime-trigger-start';
const labels_TRIGGER_STOP = '🎪 🛑 showtime-trigger-stop';
const labels_FREEZE = '🎪 🧊 showtime-freeze';
const labels_BLOCKED = '🎪 🔒 showtime-blocked';
/** The trigger of the workflow this action replaces; still honoured. */
const labels_LEGACY_TRIGGER = 'testenv-up';
/**
 * Carried by every PR that has showtime state, so the sweep can find them all with one label search (per-SHA labels
 * are unique names and cannot be searched for as a group).
 */
const labels_TRACKED = '🎪 🎟️ showtime-tracked';
/** The emoji that name each per-SHA field and pointer, as written. */
const EMOJI = {
    status: '🚦',
    created: '📅',
    address: '🌐',
    ttl: '⌛',
    requester: '🤡',
    config: '⚙️',
    active: '🎯',
    building: '🏗️',
    lock: '🔐',
    /** Requester in the global form of the earlier CLI; read only. */
    legacyRequester: '👤',
};
/** GitHub's limit on label names. */
const labels_LABEL_MAX_LENGTH = 50;
/** GitHub's limit on label descriptions. */
const labels_LABEL_DESCRIPTION_MAX_LENGTH = 100;
/** The length GitHub's limit is checked against, counted conservatively (see the module comment). */
function labelLength(name) {
    return name.length;
}
/**
 * GitHub's own count (code points): what it checks a request against. labelLength is never less, so every name the
 * grammar writes passes; the adapter checks with this one so that it refuses no name GitHub would take.
 */
function labels_characters(text) {
    return [...text].length;
}
const PREFIX = `${CIRCUS} `;
/** Room left for the value in `🎪 {sha7} {emoji} {value}` when the emoji takes two code units. */
const SHA_FIRST_VALUE_ROOM = labels_LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.requester} `);
const REQUESTER_MAX_LENGTH = SHA_FIRST_VALUE_ROOM;
const CONFIG_VALUE_ROOM = labels_LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.config} `);
const ELLIPSIS = '…';
// ---------------------------------------------------------------------------------------------------------------
// Values
const STATE_FORMS = {
    sha7: '7 lowercase hexadecimal characters, e.g. abc123f',
    status: types/* STATUSES */.f.join(', '),
    date: 'YYYY-MM-DDTHH-MM in UTC, e.g. 2024-01-15T14-30',
    address: '<IPv4>:<port>, e.g. 52.1.2.3:8080 (or 52-1-2-3, meaning port 8080), or the preview host of a PR served over HTTPS, e.g. pr-7.showtime.example.org',
    config: 'comma-separated tokens: FLAG, !FLAG, debug, small, medium or large, e.g. ALERTS,!EMBEDDED,debug',
    requester: `${values/* FORMS */.yY.login}, or one shortened to ${REQUESTER_MAX_LENGTH} characters ending in ${ELLIPSIS}`,
};
function pad(n, width) {
    return String(n).padStart(width, '0');
}
/** A UTC date from its parts, or undefined when the parts do not name a real minute (e.g. February 30). */
function utcMinute(year, month, day, hour, minute) {
    if (hour > 23 || minute > 59)
        return undefined;
    const date = new Date(0);
    // setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, 0, 0);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
        ? date
        : undefined;
}
function dateParts(date) {
    const time = date.getTime();
    const year = date.getUTCFullYear();
    if (Number.isNaN(time) || year < 0 || year > 9999) {
        throw new Error(`date ${String(date)} cannot be written: a valid date between years 0000 and 9999 is required`);
    }
    return [
        pad(year, 4),
        pad(date.getUTCMonth() + 1, 2),
        pad(date.getUTCDate(), 2),
        pad(date.getUTCHours(), 2),
        pad(date.getUTCMinutes(), 2),
    ];
}
/** 📅 text: the minute (UTC) containing `date`, `YYYY-MM-DDTHH-MM`; seconds are dropped. */
function labels_formatLabelDate(date) {
    const [y, mo, d, h, mi] = dateParts(date);
    return `${y}-${mo}-${d}T${h}-${mi}`;
}
/** Reads 📅 text; a trailing `Z`, which the earlier CLI sometimes wrote, is accepted. */
function parseLabelDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})Z?$/.exec(text);
    if (!match)
        return undefined;
    const [, y, mo, d, h, mi] = match.map(Number);
    return utcMinute(y, mo, d, h, mi);
}
function formatIsoMinute(date) {
    const [y, mo, d, h, mi] = dateParts(date);
    return `${y}-${mo}-${d}T${h}:${mi}Z`;
}
function parseIsoMinute(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/.exec(text);
    if (!match)
        return undefined;
    const [, y, mo, d, h, mi] = match.map(Number);
    return utcMinute(y, mo, d, h, mi);
}
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const DASHED_IPV4 = new RegExp(`^${OCTET}(?:-${OCTET}){3}$`);
/** The port the earlier workflow's environments listened on; implied by the dashed address form. */
const LEGACY_PORT = 8080;
function isPort(port) {
    return Number.isInteger(port) && port >= 1 && port <= 65535;
}
/**
 * What a load-balancer mode 🌐 label carries: a PR's preview host, `pr-<N>.` and a lowercase DNS name. Any other
 * name stays a stray label, as before the load-balancer mode: a 🌐 label is no place for an arbitrary link.
 */
const HOST_NAME = /^(?=.{1,253}$)pr-[1-9][0-9]{0,9}(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** The port a host-name address implies: the load balancer's HTTPS listener. */
const labels_HTTPS_PORT = 443;
function isHostName(text) {
    return HOST_NAME.test(text);
}
function parseAddress(text) {
    if (DASHED_IPV4.test(text))
        return { host: text.replaceAll('-', '.'), port: LEGACY_PORT };
    if (!IPV4.test(text) && isHostName(text))
        return { host: text, port: labels_HTTPS_PORT };
    const colon = text.lastIndexOf(':');
    const host = text.slice(0, colon);
    const portText = text.slice(colon + 1);
    if (colon < 0 || !IPV4.test(host) || !/^[1-9][0-9]{0,4}$/.test(portText))
        return undefined;
    const port = Number(portText);
    return isPort(port) ? { host, port } : undefined;
}
/** A login shortened to fit a 🤡 label (see the module comment); shorter logins are returned unchanged. */
function labels_shortenRequester(login) {
    return login.length <= REQUESTER_MAX_LENGTH ? login : login.slice(0, REQUESTER_MAX_LENGTH - 1) + ELLIPSIS;
}
// A non-empty start of some valid login, possibly cut inside a trailing `[bot]`.
const LOGIN_PREFIX = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]|$))*(?:\[(?:b(?:ot?)?)?)?$/;
function parseRequester(text) {
    if (parseLogin(text) !== undefined)
        return text;
    const shortened = text.length === REQUESTER_MAX_LENGTH && text.endsWith(ELLIPSIS) && LOGIN_PREFIX.test(text.slice(0, -1));
    return shortened ? text : undefined;
}
function parseStatus(text) {
    return STATUSES.includes(text) ? text : undefined;
}
const DEBUG_TOKEN = 'debug';
/** Written by the earlier CLI for the default configuration. */
const LEGACY_DEFAULT_TOKEN = 'standard';
function labels_defaultConfig() {
    return { flags: {}, debug: false };
}
/** True when `config` is the default: no flag mentioned, debug off, no size. */
function isDefaultConfig(config) {
    return Object.keys(config.flags).length === 0 && !config.debug && config.size === undefined;
}
/**
 * The canonical token list of a configuration: size, then `debug`, then flags in code-unit order, `!` marking a
 * flag switched off. Throws on a flag name outside `[A-Z0-9_]+` (as stored, without the SUPERSET_FEATURE_ prefix).
 */
function labels_configTokens(config) {
    const tokens = [];
    if (config.size !== undefined) {
        if (parseSize(config.size) === undefined)
            throw new Error(`size "${config.size}" is not one of ${FORMS.size}`);
        tokens.push(config.size);
    }
    if (config.debug)
        tokens.push(DEBUG_TOKEN);
    for (const flag of Object.keys(config.flags).sort(labels_compareCodeUnits)) {
        if (parseFlag(flag) !== flag)
            throw new Error(`feature flag "${flag}" is not ${FORMS.flag}`);
        tokens.push(config.flags[flag] ? flag : `!${flag}`);
    }
    return tokens;
}
/** Plain code-unit order, independent of the runtime's locale. */
function labels_compareCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * Reads the tokens of one ⚙️ label. One reader serves all forms: the earlier CLI wrote lowercase flag words and
 * `standard` (the defaults), which a current label never contains, so accepting them everywhere loses nothing.
 */
function parseConfigText(text) {
    const config = labels_defaultConfig();
    for (const token of text.split(',')) {
        const bad = (why) => ({
            ok: false,
            reason: `configuration token "${token}" ${why}; expected ${STATE_FORMS.config}`,
        });
        if (token === LEGACY_DEFAULT_TOKEN)
            continue;
        if (token === DEBUG_TOKEN) {
            config.debug = true;
            continue;
        }
        const size = parseSize(token);
        if (size !== undefined) {
            if (config.size !== undefined && config.size !== size)
                return bad(`contradicts size ${config.size}`);
            config.size = size;
            continue;
        }
        const off = token.startsWith('!');
        const word = off ? token.slice(1) : token;
        // Lowercase words are the earlier CLI's flags. A SUPERSET_FEATURE_ prefix would only waste room: not accepted.
        const flag = parseFlag(word.toUpperCase());
        if (flag === undefined || flag !== word.toUpperCase())
            return bad('is not a flag, debug or a size');
        if (config.flags[flag] === off)
            return bad(`switches ${flag} both on and off`);
        config.flags[flag] = !off;
    }
    return { ok: true, value: config };
}
const STATE_KINDS = (/* unused pure expression or super */ null && ([
    'status',
    'created',
    'address',
    'ttl',
    'requester',
    'config',
]));
// U+FE0F only ever follows an emoji here; dropping it after anything but printable ASCII accepts both spellings while
// a stray selector inside an ASCII value still makes the label malformed.
function withoutVariationSelectors(text) {
    return text.replace(/(?<=[^ -~])\ufe0f/g, '');
}
const bare = withoutVariationSelectors;
// Maps, not object literals: label text must never reach inherited properties such as `constructor`.
const FIXED = new Map([
    [bare(labels_TRIGGER_START).toLowerCase(), { kind: 'trigger', trigger: 'start' }],
    [bare(labels_TRIGGER_STOP).toLowerCase(), { kind: 'trigger', trigger: 'stop' }],
    [bare(labels_FREEZE).toLowerCase(), { kind: 'freeze' }],
    [bare(labels_BLOCKED).toLowerCase(), { kind: 'blocked' }],
    [bare(labels_TRACKED).toLowerCase(), { kind: 'tracked' }],
]);
const STATE_EMOJI = new Map([
    [bare(EMOJI.status), 'status'],
    [bare(EMOJI.created), 'created'],
    [bare(EMOJI.address), 'address'],
    [bare(EMOJI.ttl), 'ttl'],
    [bare(EMOJI.requester), 'requester'],
    [bare(EMOJI.legacyRequester), 'requester'],
    [bare(EMOJI.config), 'config'],
]);
const POINTER_EMOJI = new Map([
    [bare(EMOJI.active), 'active'],
    [bare(EMOJI.building), 'building'],
]);
const VALUE_FORMS = {
    status: STATE_FORMS.status,
    created: STATE_FORMS.date,
    address: STATE_FORMS.address,
    ttl: values/* FORMS */.yY.ttl,
    requester: STATE_FORMS.requester,
    config: STATE_FORMS.config,
};
const FIELD_NAMES = {
    status: 'status',
    created: 'creation time',
    address: 'address',
    ttl: 'TTL',
    requester: 'requester',
    config: 'configuration',
};
function parseValue(kind, text) {
    const fail = () => ({
        ok: false,
        reason: `${FIELD_NAMES[kind]} "${text}" is not ${VALUE_FORMS[kind]}`,
    });
    const wrap = (value, make) => value === undefined ? fail() : { ok: true, value: make(value) };
    switch (kind) {
        case 'status':
            return wrap(parseStatus(text), (status) => ({ kind, status }));
        case 'created':
            return wrap(parseLabelDate(text), (createdAt) => ({ kind, createdAt }));
        case 'address':
            return wrap(parseAddress(text), (address) => ({ kind, address }));
        case 'ttl':
            return wrap(parseTtl(text), (ttl) => ({ kind, ttl }));
        case 'requester':
            return wrap(parseRequester(text), (requester) => ({ kind, requester }));
        case 'config': {
            const parsed = parseConfigText(text);
            return parsed.ok ? { ok: true, value: { kind, config: parsed.value } } : parsed;
        }
    }
}
function shaReason(text, example) {
    return `SHA "${text}" is not ${STATE_FORMS.sha7}; expected ${example}`;
}
function parseConfigCommand(rest) {
    const lower = rest.toLowerCase();
    const malformed = (why) => ({
        kind: 'malformed',
        reason: `${why}; expected 🎪 conf-enable-<FLAG>, 🎪 conf-disable-<FLAG>, 🎪 conf-debug-on|off or 🎪 conf-size-<${SIZES.join('|')}>`,
    });
    for (const [prefix, enabled] of [
        ['conf-enable-', true],
        ['conf-disable-', false],
    ]) {
        if (!lower.startsWith(prefix))
            continue;
        const text = rest.slice(prefix.length);
        const flag = parseFlag(text.toUpperCase());
        return flag === undefined
            ? malformed(`feature flag "${text}" is not ${FORMS.flag}`)
            : { kind: 'config-command', change: { kind: 'flag', flag, enabled } };
    }
    if (lower === 'conf-debug-on' || lower === 'conf-debug-off') {
        return { kind: 'config-command', change: { kind: 'debug', enabled: lower === 'conf-debug-on' } };
    }
    if (lower.startsWith('conf-size-')) {
        const text = rest.slice('conf-size-'.length);
        const size = parseSize(text.toLowerCase());
        return size === undefined
            ? malformed(`size "${text}" is not one of ${FORMS.size}`)
            : { kind: 'config-command', change: { kind: 'size', size } };
    }
    return malformed(`configuration command "${rest}" is unknown`);
}
const LOCK_PREFIX = 'lock-pr-';
/** Reads any label name; never throws. */
function labels_parseLabel(name) {
    if (name.toLowerCase() === labels_LEGACY_TRIGGER)
        return { kind: 'trigger', trigger: 'legacy-up' };
    if (!name.startsWith(PREFIX))
        return { kind: 'foreign' };
    const normal = bare(name);
    const fixed = FIXED.get(normal.toLowerCase());
    if (fixed)
        return fixed;
    const rest = normal.slice(PREFIX.length);
    if (rest.toLowerCase().startsWith('conf-'))
        return parseConfigCommand(rest);
    const tokens = rest.split(' ');
    const [first = '', second, third] = tokens;
    const pointer = POINTER_EMOJI.get(first);
    if (pointer !== undefined) {
        const example = `🎪 ${EMOJI[pointer]} abc123f`;
        if (tokens.length !== 2 || second === undefined) {
            return {
                kind: 'malformed',
                reason: `a ${pointer} pointer carries exactly one SHA; expected ${example}`,
            };
        }
        return isSha7(second)
            ? { kind: 'pointer', pointer, sha: second }
            : { kind: 'malformed', reason: shaReason(second, example) };
    }
    if (first === bare(EMOJI.lock)) {
        const match = tokens.length === 2 ? /^lock-pr-([1-9][0-9]{0,15})(?:-([0-9a-f]{7}))?$/i.exec(second ?? '') : null;
        const pr = match ? Number(match[1]) : NaN;
        const sha = match?.[2] === undefined ? undefined : toSha7(match[2].toLowerCase());
        return Number.isSafeInteger(pr)
            ? { kind: 'lock', pr, ...(sha ? { sha } : {}) }
            : { kind: 'malformed', reason: `lock label "${rest}" is not 🎪 🔐 ${LOCK_PREFIX}<PR number>[-<sha7>]` };
    }
    const emojiFirst = STATE_EMOJI.get(first);
    if (emojiFirst !== undefined) {
        const example = `🎪 ${first} abc123f <value>`;
        if (tokens.length === 2 && second !== undefined)
            return stateLabel(emojiFirst, second, { form: 'global' });
        if (tokens.length === 3 && second !== undefined && third !== undefined) {
            return isSha7(second)
                ? stateLabel(emojiFirst, third, { form: 'emoji-first', sha: second })
                : { kind: 'malformed', reason: shaReason(second, example) };
        }
        return { kind: 'malformed', reason: `${FIELD_NAMES[emojiFirst]} label has no value or too many parts` };
    }
    const shaFirst = second === undefined ? undefined : STATE_EMOJI.get(second);
    if (shaFirst !== undefined) {
        const example = `🎪 abc123f ${second} <value>`;
        if (!isSha7(first))
            return { kind: 'malformed', reason: shaReason(first, example) };
        if (tokens.length !== 3 || third === undefined) {
            return {
                kind: 'malformed',
                reason: `${FIELD_NAMES[shaFirst]} label needs one value; expected ${example}`,
            };
        }
        return stateLabel(shaFirst, third, { form: 'sha-first', sha: first });
    }
    return {
        kind: 'malformed',
        reason: `"${name}" is not a showtime label; see the label reference in the README`,
    };
}
function stateLabel(kind, text, where) {
    const parsed = parseValue(kind, text);
    return parsed.ok ? { ...parsed.value, ...where } : { kind: 'malformed', reason: parsed.reason };
}
/** Labels that describe state (any form), the pointers and the index label: those the action may remove unasked. */
function labels_isStateLabel(name) {
    const kind = labels_parseLabel(name).kind;
    return kind === 'pointer' || kind === 'tracked' || STATE_KINDS.includes(kind);
}
/**
 * A 🎪 label shaped like an environment's state (a state or pointer emoji first or second) that does not parse, e.g.
 * `🎪 zzzzzzz 🚦 running` or a 🌐 with a host name. Nothing reads it as state, so a stop of every environment removes
 * it too: left behind, it would outlive the index label and no later sweep would find it.
 */
function labels_isStrayStateLabel(name) {
    if (!name.startsWith(PREFIX) || labels_parseLabel(name).kind !== 'malformed')
        return false;
    const [first = '', second = ''] = bare(name).slice(PREFIX.length).split(' ');
    const shaped = (token) => STATE_EMOJI.has(token) || POINTER_EMOJI.has(token);
    return shaped(first) || shaped(second);
}
// ---------------------------------------------------------------------------------------------------------------
// Rendering: SHA-first only. Each renderer throws on a value outside its accepted form (a programming error: every
// value reaching here has been validated), naming the value and the form.
function shaFirst(sha, emoji, value) {
    return `${PREFIX}${requireSha7(sha)} ${emoji} ${value}`;
}
function labels_statusLabel(sha, status) {
    if (parseStatus(status) === undefined)
        throw new Error(`status "${status}" is not one of ${STATE_FORMS.status}`);
    return shaFirst(sha, EMOJI.status, status);
}
function labels_createdLabel(sha, createdAt) {
    return shaFirst(sha, EMOJI.created, labels_formatLabelDate(createdAt));
}
/** The longest host name a 🌐 label can carry. */
const ADDRESS_HOST_MAX_LENGTH = labels_LABEL_MAX_LENGTH - labelLength(`${PREFIX}abc123f ${EMOJI.address} `);
function labels_addressLabel(sha, address) {
    if (IPV4.test(address.host) && isPort(address.port))
        return shaFirst(sha, EMOJI.address, `${address.host}:${address.port}`);
    if (isHostName(address.host) &&
        address.port === labels_HTTPS_PORT &&
        labelLength(address.host) <= ADDRESS_HOST_MAX_LENGTH)
        return shaFirst(sha, EMOJI.address, address.host);
    throw new Error(`address "${address.host}:${address.port}" is not ${STATE_FORMS.address} (a host name of at most ${ADDRESS_HOST_MAX_LENGTH} characters)`);
}
/** Where people open an environment at this address: its IP over HTTP, or its host name over HTTPS. */
function labels_addressUrl(address) {
    if (IPV4.test(address.host))
        return `http://${address.host}:${address.port}`;
    return address.port === labels_HTTPS_PORT ? `https://${address.host}` : `https://${address.host}:${address.port}`;
}
function labels_ttlLabel(sha, ttl) {
    const text = formatTtl(ttl);
    if (parseTtl(text) === undefined)
        throw new Error(`TTL "${text}" is not ${FORMS.ttl}`);
    return shaFirst(sha, EMOJI.ttl, text);
}
/** The 🤡 label; a login too long to fit is shortened (see shortenRequester). */
function labels_requesterLabel(sha, login) {
    if (parseRequester(login) === undefined) {
        throw new Error(`requester "${login}" is not ${STATE_FORMS.requester}`);
    }
    return shaFirst(sha, EMOJI.requester, labels_shortenRequester(login));
}
/** The ⚙️ labels of a configuration, as many as its tokens need; none for the default configuration. */
function labels_configLabels(sha, config) {
    const sha7 = requireSha7(sha);
    const chunks = [];
    for (const token of labels_configTokens(config)) {
        const last = chunks.length - 1;
        const joined = last < 0 ? undefined : `${chunks[last]},${token}`;
        if (joined !== undefined && labelLength(joined) <= CONFIG_VALUE_ROOM)
            chunks[last] = joined;
        else
            chunks.push(token);
    }
    return chunks.map((chunk) => shaFirst(sha7, EMOJI.config, chunk));
}
function labels_activeLabel(sha) {
    return `${PREFIX}${EMOJI.active} ${requireSha7(sha)}`;
}
function labels_buildingLabel(sha) {
    return `${PREFIX}${EMOJI.building} ${requireSha7(sha)}`;
}
/**
 * Every state label of one environment, SHA-first, in a stable order: status, 📅, 🌐, ⌛, 🤡, ⚙️. Pointers are not
 * included: whether an environment is active or building is a fact about the PR, not about the environment.
 */
function environmentLabels(env) {
    const labels = [];
    if (env.status !== undefined)
        labels.push(labels_statusLabel(env.sha, env.status));
    if (env.createdAt !== undefined)
        labels.push(labels_createdLabel(env.sha, env.createdAt));
    if (env.address !== undefined)
        labels.push(labels_addressLabel(env.sha, env.address));
    if (env.ttl !== undefined)
        labels.push(labels_ttlLabel(env.sha, env.ttl));
    if (env.requester !== undefined)
        labels.push(labels_requesterLabel(env.sha, env.requester));
    labels.push(...labels_configLabels(env.sha, env.config));
    return labels;
}
function labels_configCommandLabel(change) {
    switch (change.kind) {
        case 'flag': {
            if (parseFlag(change.flag) !== change.flag)
                throw new Error(`feature flag "${change.flag}" is not ${FORMS.flag}`);
            return `${PREFIX}conf-${change.enabled ? 'enable' : 'disable'}-${change.flag}`;
        }
        case 'debug':
            return `${PREFIX}conf-debug-${change.enabled ? 'on' : 'off'}`;
        case 'size': {
            if (parseSize(change.size) === undefined)
                throw new Error(`size "${change.size}" is not one of ${FORMS.size}`);
            return `${PREFIX}conf-size-${change.size}`;
        }
    }
}
// ---------------------------------------------------------------------------------------------------------------
// The deploy lock: a repository label whose existence is the lock (POST /labels succeeds for one creator only) and
// whose description records the lease (locks.ts writes and reads the lease and its fences). It is per PR and SHA: runs for the same commit exclude each other, while a
// newer commit never waits for an older one (it supersedes it through the 🏗️ pointer instead).
/** The name of the lock of PR `pr` (and commit `sha`, 7 or 40 hex, when given). */
function labels_lockLabel(pr, sha) {
    if (!Number.isSafeInteger(pr) || pr < 1)
        throw new Error(`PR number "${pr}" is not a positive integer`);
    if (sha === undefined)
        return `${PREFIX}${EMOJI.lock} ${LOCK_PREFIX}${pr}`;
    return `${PREFIX}${EMOJI.lock} ${LOCK_PREFIX}${pr}-${requireSha7(sha)}`;
}
const STATUS_STYLE = {
    building: { color: 'fbca04', text: 'is building its Docker image' },
    built: { color: 'e4e669', text: 'has its image built and waits to be deployed' },
    deploying: { color: '1d76db', text: 'is being deployed to ECS' },
    running: { color: '0e8a16', text: 'is running and reachable' },
    updating: { color: '5319e7', text: 'is being replaced by a newer commit' },
    configuring: { color: 'c5def5', text: 'is being redeployed with a new configuration' },
    destroying: { color: '6a737d', text: 'is being torn down' },
    failed: { color: 'd73a4a', text: 'failed to build or deploy; see the run log' },
    sleeping: { color: 'c2e0c6', text: 'is asleep (scaled to zero); /showtime wake brings it back' },
};
function labels_describeTtl(ttl) {
    if (ttl.kind === 'close')
        return 'lives until the PR closes';
    if (ttl.kind === 'manual')
        return 'lives until someone stops it';
    return `lives ${formatTtl(ttl)} from its creation time (📅)`;
}
function describeChange(change) {
    if (change.kind === 'flag')
        return `switch feature flag ${change.flag} ${change.enabled ? 'on' : 'off'}`;
    if (change.kind === 'debug')
        return `switch debug mode ${change.enabled ? 'on' : 'off'}`;
    return `resize the environment to ${change.size}`;
}
function stateDefinition(label) {
    const env = label.sha === undefined ? 'the active environment' : `environment ${label.sha}`;
    switch (label.kind) {
        case 'status':
            return {
                color: STATUS_STYLE[label.status].color,
                description: `${env} ${STATUS_STYLE[label.status].text}`,
            };
        case 'created':
            return {
                color: 'bfdadc',
                description: `${env} was created at ${formatIsoMinute(label.createdAt)}; its TTL counts from then`,
            };
        case 'address':
            return {
                color: '0052cc',
                description: `${env} answers at ${labels_addressUrl(label.address)}`,
            };
        case 'ttl':
            return { color: 'd4c5f9', description: `${env} ${labels_describeTtl(label.ttl)}` };
        case 'requester':
            return { color: 'f9d0c4', description: `${env} was requested by @${label.requester}` };
        case 'config':
            return {
                color: 'bfd4f2',
                description: `${env}: part of its configuration (all its ⚙️ labels together make the whole)`,
            };
    }
}
/** Colour and description for a showtime label; undefined for foreign and malformed names. */
function labelDefinition(name) {
    const parsed = labels_parseLabel(name);
    const define = (color, description) => ({
        name,
        color,
        description: `Showtime: ${description}`,
    });
    switch (parsed.kind) {
        case 'foreign':
        case 'malformed':
            return undefined;
        case 'trigger':
            if (parsed.trigger === 'start')
                return define('2ea44f', "add to start or update this PR's environment");
            if (parsed.trigger === 'stop')
                return define('b60205', "add to stop this PR's environment");
            return define('2ea44f', `the earlier workflow's trigger; works like ${labels_TRIGGER_START}`);
        case 'freeze':
            return define('7dd3fc', 'frozen: new commits do not update the environment');
        case 'blocked':
            return define('000000', 'blocked: no environment may be started for this PR');
        case 'tracked':
            return define('ededed', 'this PR has environment labels (lets the cleanup sweep find it)');
        case 'config-command':
            return define('c5def5', `pending request to ${describeChange(parsed.change)}`);
        case 'lock':
            return define('ededed', `lock of PR #${parsed.pr}; its description names the holder and lease expiry`);
        case 'pointer':
            return parsed.pointer === 'active'
                ? define('0e8a16', `environment ${parsed.sha} serves this PR`)
                : define('fbca04', `environment ${parsed.sha} is being built to serve this PR`);
        default: {
            const { color, description } = stateDefinition(parsed);
            return define(color, description);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/schedule.ts
// The sleep schedule of the cleanup action (issue 17): when running environments are put to sleep (desiredCount 0)
// to cost nothing. Pure: a schedule text in, windows out; a time and the windows in, whether a window has just
// begun. The clock is passed in and the time zone's rules come from the runtime's ICU data (Intl).
//
// Grammar: windows separated by `;`, each `<days> [<HH:MM>-<HH:MM>]`, then once, at the end, `in <IANA time zone>`
// (default UTC). Days: `daily`, a day (`Mon`), a range (`Mon-Fri`, `Fri-Mon` wraps) or a comma list (`Sat,Sun`).
// Without times a window is the whole day. A window whose end is not after its start runs past midnight into the
// next day: `Mon-Fri 20:00-08:00` is each weeknight, Friday's ending Saturday at 08:00.
//   e.g. `Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam`
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SCHEDULE_FORM = '`<days> [HH:MM-HH:MM]` windows separated by `;`, then optionally `in <IANA time zone>`, e.g. `Mon-Fri 20:00-08:00; Sat,Sun in Europe/Amsterdam`';
/**
 * How long after a window begins the sweep still puts environments to sleep. Later in the window an environment
 * that runs was woken on purpose, and stays awake until the next window: an hourly sweep (the example workflow's)
 * acts once per window, with room for GitHub's delays of scheduled runs.
 */
const SLEEP_GRACE_MINUTES = 60;
function parseTime(text) {
    const match = /^([01][0-9]|2[0-4]):([0-5][0-9])$/.exec(text);
    if (!match)
        return undefined;
    const minutes = Number(match[1]) * 60 + Number(match[2]);
    return minutes <= 24 * 60 ? minutes : undefined;
}
function parseDays(text) {
    const lower = text.toLowerCase();
    if (lower === 'daily')
        return [0, 1, 2, 3, 4, 5, 6];
    const days = new Set();
    for (const part of lower.split(',')) {
        const range = /^([a-z]{3})(?:-([a-z]{3}))?$/.exec(part);
        if (!range)
            return undefined;
        const from = DAYS.indexOf(range[1]);
        const to = DAYS.indexOf((range[2] ?? range[1]));
        if (from < 0 || to < 0)
            return undefined;
        for (let day = from;; day = (day + 1) % 7) {
            days.add(day);
            if (day === to)
                break;
        }
    }
    return [...days].sort((a, b) => a - b);
}
function isTimeZone(zone) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    }
    catch {
        return false;
    }
}
/** The schedule, or what is wrong with it in words (naming the part and the accepted form). */
function parseSleepSchedule(text) {
    const trimmed = text.trim();
    const zoneMatch = /\s+in\s+(\S+)$/i.exec(trimmed);
    const timeZone = zoneMatch?.[1] ?? 'UTC';
    if (!isTimeZone(timeZone))
        return `"${timeZone}" is not an IANA time zone (e.g. Europe/Amsterdam, UTC)`;
    const body = zoneMatch ? trimmed.slice(0, zoneMatch.index) : trimmed;
    const windows = [];
    for (const part of body.split(';').map((p) => p.trim())) {
        if (part === '')
            return 'a window is empty (two `;` in a row, or one at the end)';
        const [daysText = '', timesText, ...rest] = part.split(/\s+/);
        if (rest.length > 0)
            return `"${part}" has more than days and one time range`;
        const days = parseDays(daysText);
        if (days === undefined)
            return `"${daysText}" is not days: daily, Mon, Mon-Fri or Sat,Sun`;
        if (timesText === undefined) {
            windows.push({ days, start: 0, end: 24 * 60 });
            continue;
        }
        const [startText = '', endText = '', extra] = timesText.split('-');
        const start = parseTime(startText);
        const end = parseTime(endText);
        if (start === undefined || end === undefined || extra !== undefined || start === 24 * 60) {
            return `"${timesText}" is not a time range HH:MM-HH:MM (24-hour, e.g. 20:00-08:00)`;
        }
        windows.push({ days, start, end: end > start ? end : end + 24 * 60 });
    }
    return { windows, timeZone, text: trimmed };
}
/** Day of the week (0 = Monday) and minutes after midnight of `now` in the zone. */
function localTime(now, timeZone) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
    }).formatToParts(now);
    const get = (type) => parts.find((p) => p.type === type)?.value ?? '';
    const day = DAYS.indexOf(get('weekday').toLowerCase());
    return { day, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}
/**
 * How many minutes ago the sleep window `now` is in began, or undefined outside every window. A window that began
 * yesterday evening and runs into this morning counts.
 */
function minutesIntoWindow(schedule, now) {
    const { day, minutes } = localTime(now, schedule.timeZone);
    let best;
    for (const window of schedule.windows) {
        // Today's window, and yesterday's that may run past midnight.
        for (const [startDay, offset] of [
            [day, minutes],
            [(day + 6) % 7, minutes + 24 * 60],
        ]) {
            if (!window.days.includes(startDay))
                continue;
            if (offset >= window.start && offset < window.end) {
                const into = offset - window.start;
                best = best === undefined ? into : Math.min(best, into);
            }
        }
    }
    return best;
}
/** Whether the sweep at `now` puts running environments to sleep: a window began less than the grace ago. */
function schedule_sleepIsDue(schedule, now) {
    if (schedule === undefined)
        return false;
    const into = minutesIntoWindow(schedule, now);
    return into !== undefined && into < SLEEP_GRACE_MINUTES;
}

// EXTERNAL MODULE: ./src/aws/elb-names.ts
var elb_names = __nccwpck_require__(9593);
;// CONCATENATED MODULE: ./src/aws/settings.ts

const DEFAULT_SIZE_PRESETS = {
    small: { cpu: 512, memory: 1024 },
    medium: { cpu: 1024, memory: 2048 },
    large: { cpu: 2048, memory: 4096 },
};
const DEFAULT_TIMEOUTS = {
    // A Superset CI image is large and runs migrations before it listens: generous but finite.
    stableMs: 15 * 60_000,
    addressMs: 2 * 60_000,
    healthMs: 10 * 60_000,
    healthIntervalMs: 2_000,
    healthRequestMs: 10_000,
    pollIntervalMs: 10_000,
    drainWaitMs: 5 * 60_000,
};
// Superset refuses to start with its built-in secret key; a per-environment random one is enough for a test site.
const DEFAULT_GENERATED_ENVIRONMENT = ['SUPERSET_SECRET_KEY'];
const DEFAULT_HEALTH_CHECK_PATH = '/health';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function checkPositiveInteger(problems, name, value) {
    if (!Number.isInteger(value) || value <= 0)
        problems.push(`${name} is ${value}: expected a positive integer`);
}
// An input left empty arrives as an undefined entry; it must fall back to the default, not erase it.
function definedOnly(values) {
    return Object.fromEntries(Object.entries(values ?? {}).filter(([, v]) => v !== undefined));
}
/**
 * Fills the defaults. The inputs were checked by src/settings.ts, which names each one; checked here is only what code
 * supplies in the adapter's own units: size presets, millisecond timeouts (settings.ts makes whole ones from the
 * inputs' minutes and seconds, so this never fires on an input) and generated variable names.
 */
function resolveEcsSettings(input) {
    const settings = {
        ...input,
        securityGroups: input.securityGroups ?? [],
        sizes: { ...DEFAULT_SIZE_PRESETS, ...definedOnly(input.sizes) },
        timeouts: { ...DEFAULT_TIMEOUTS, ...definedOnly(input.timeouts) },
        environment: input.environment ?? {},
        healthCheckPath: input.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH,
        generatedEnvironment: input.generatedEnvironment ?? DEFAULT_GENERATED_ENVIRONMENT,
    };
    const problems = [];
    for (const size of types/* SIZES */.F0) {
        checkPositiveInteger(problems, `size ${size} cpu`, settings.sizes[size].cpu);
        checkPositiveInteger(problems, `size ${size} memory`, settings.sizes[size].memory);
    }
    for (const [name, value] of Object.entries(settings.timeouts)) {
        checkPositiveInteger(problems, `timeout ${name}`, value);
    }
    for (const name of settings.generatedEnvironment) {
        if (!ENV_NAME.test(name)) {
            problems.push(`environment variable name "${name}": expected letters, digits and _, not starting with a digit`);
        }
    }
    if (problems.length > 0)
        throw new Error(`ECS settings are not valid:\n- ${problems.join('\n- ')}`);
    return settings;
}

// EXTERNAL MODULE: ./src/aws/task-definition.ts + 1 modules
var task_definition = __nccwpck_require__(8301);
;// CONCATENATED MODULE: ./src/settings.ts
// Reads every input exactly once into one typed settings object. Everything after this takes Settings, never the
// raw inputs. All problems are collected so one failed run lists every bad input, each with its accepted form.









/**
 * What Fargate Spot costs against on-demand Fargate: AWS advertises up to 70 % off, and the Linux/x86 Spot price
 * has stayed near 30 % of on-demand in the large regions (README, "What it costs").
 */
const SPOT_PRICE_FACTOR = 0.3;
/** The longest preview domain: `pr-<6 digits>.<domain>` must fit a 🌐 label. */
const PREVIEW_DOMAIN_MAX_LENGTH = ADDRESS_HOST_MAX_LENGTH - 'pr-999999.'.length;
class SettingsError extends Error {
    problems;
    constructor(problems) {
        super(`Invalid action inputs:\n${problems.map((p) => `- ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'SettingsError';
    }
}
const problem = (name, value, form) => `input '${name}' is ${JSON.stringify(value)}; expected ${form}`;
const DEFAULTS = Object.fromEntries(INPUTS.map((input) => [input.name, 'default' in input ? input.default : undefined]));
function settings_readSettings(action, read) {
    const problems = [];
    const taken = new Set(inputsOf(action).map((input) => input.name));
    // An input the action does not declare reads as its default, so both actions share one Settings shape.
    const raw = (name) => {
        const value = taken.has(name) ? read(name).trim() : '';
        const fallback = DEFAULTS[name];
        return value !== '' ? value : fallback !== undefined && !fallback.startsWith('${{') ? fallback : '';
    };
    const optional = (name) => raw(name) || undefined;
    const bad = (name, value, form) => {
        problems.push(problem(name, value, form));
    };
    const bool = (name) => {
        const value = raw(name).toLowerCase();
        if (value === 'true')
            return true;
        if (value === 'false' || value === '')
            return false;
        bad(name, raw(name), 'true or false');
        return false;
    };
    const integer = (name, min, max) => {
        const value = raw(name);
        if (value === '')
            return undefined;
        if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
            bad(name, value, `a whole number from ${min} to ${max}`);
            return undefined;
        }
        return Number(value);
    };
    const seconds = (name, min, max) => {
        const value = raw(name);
        const number = Number(value);
        if (!/^[0-9]+(\.[0-9]+)?$/.test(value) || number < min || number > max) {
            bad(name, value, `a number of seconds from ${min} to ${max}`);
            return 10;
        }
        return number;
    };
    const list = (name) => raw(name)
        .split(/[\s,]+/)
        .filter((item) => item !== '');
    const keyValues = (name) => {
        const result = {};
        for (const line of raw(name).split('\n')) {
            const trimmed = line.trim();
            if (trimmed === '' || trimmed.startsWith('#'))
                continue;
            const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(trimmed);
            if (match?.[1] === undefined)
                bad(name, trimmed, 'one KEY=VALUE per line, KEY of letters, digits and _');
            else
                result[match[1]] = match[2] ?? '';
        }
        return result;
    };
    const ttlText = raw('default-ttl');
    const defaultTtl = (0,values/* parseTtl */.Kw)(ttlText) ?? (bad('default-ttl', ttlText, values/* FORMS */.yY.ttl), { kind: 'duration', hours: 48 });
    const sizeText = raw('size');
    const defaultSize = (0,values/* parseSize */.DB)(sizeText) ?? (bad('size', sizeText, values/* FORMS */.yY.size), 'medium');
    const defaultFlags = [];
    for (const flag of list('feature-flags')) {
        const name = (0,values/* parseFlag */.og)(flag);
        if (name === undefined)
            bad('feature-flags', flag, values/* FORMS */.yY.flag);
        else
            defaultFlags.push(name);
    }
    const costs = raw('cost-per-hour').split(',').map(Number);
    const spot = bool('fargate-spot');
    // The one place the Spot price enters: every cost shown (comment, dashboard) is computed from costPerHour.
    const priceFactor = spot ? SPOT_PRICE_FACTOR : 1;
    const costPerHour = Object.fromEntries(types/* SIZES */.F0.map((size, i) => [size, Math.round((costs[i] ?? 0) * priceFactor * 10_000) / 10_000]));
    if (costs.length !== types/* SIZES */.F0.length || costs.some((cost) => !Number.isFinite(cost) || cost < 0)) {
        bad('cost-per-hour', raw('cost-per-hour'), 'three non-negative numbers for small,medium,large, e.g. 0.03,0.06,0.12');
    }
    const containerPort = integer('container-port', 1, 65535) ?? 8080;
    const healthCheckPath = raw('health-check-path');
    if (!healthCheckPath.startsWith('/'))
        bad('health-check-path', healthCheckPath, 'a path starting with /');
    const scheduleText = optional('sleep-schedule');
    const parsedSchedule = scheduleText === undefined ? undefined : parseSleepSchedule(scheduleText);
    if (typeof parsedSchedule === 'string')
        bad('sleep-schedule', scheduleText ?? '', `${SCHEDULE_FORM} (${parsedSchedule})`);
    const sleepSchedule = typeof parsedSchedule === 'string' ? undefined : parsedSchedule;
    const maxEnvironments = integer('max-environments', 1, 10_000);
    const maxEnvironmentsPerRequester = integer('max-environments-per-requester', 1, 10_000);
    const slackWebhookUrl = optional('slack-webhook-url');
    if (slackWebhookUrl !== undefined && !/^https?:\/\/\S+$/.test(slackWebhookUrl)) {
        bad('slack-webhook-url', '(hidden)', 'an http(s) URL');
    }
    const loadBalancer = (() => {
        const listenerArn = optional('load-balancer-listener-arn');
        const domainText = optional('preview-domain');
        // A missing companion input is reported on the one that was given: that is the one someone meant to set.
        if (listenerArn === undefined) {
            if (domainText !== undefined)
                bad('preview-domain', domainText, 'empty, or set together with load-balancer-listener-arn');
            return undefined;
        }
        if (!/^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:listener\/app\/\S+$/.test(listenerArn)) {
            bad('load-balancer-listener-arn', listenerArn, 'an ALB listener ARN, arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>');
        }
        if (domainText === undefined)
            bad('load-balancer-listener-arn', listenerArn, 'empty, or set together with preview-domain');
        const domain = (0,elb_names/* normalDomain */.o2)(domainText ?? '');
        // The label grammar's rule for a PR's host, on the longest host this domain will make.
        const longest = `pr-999999.${domain}`;
        const validDomain = isHostName(longest) && labelLength(longest) <= ADDRESS_HOST_MAX_LENGTH;
        if (domainText !== undefined && !validDomain) {
            bad('preview-domain', domainText, `a DNS name of at most ${PREVIEW_DOMAIN_MAX_LENGTH} characters, e.g. showtime.example.org (a PR's host must fit a label)`);
        }
        const vpcId = optional('load-balancer-vpc-id');
        if (vpcId !== undefined && !/^vpc-[0-9a-f]+$/.test(vpcId))
            bad('load-balancer-vpc-id', vpcId, 'vpc-<hex>');
        // The cleanup action makes no target group, so it takes no VPC.
        if (vpcId === undefined && taken.has('load-balancer-vpc-id')) {
            bad('load-balancer-listener-arn', listenerArn, "set together with load-balancer-vpc-id (the load balancer's VPC, where target groups are made)");
        }
        const checkAddress = optional('load-balancer-address');
        if (checkAddress !== undefined && !/^https?:\/\/[^\s/]+$/.test(checkAddress)) {
            bad('load-balancer-address', checkAddress, 'a base URL without a path, e.g. http://10.0.0.5:80');
        }
        return {
            listenerArn,
            domain,
            ...(vpcId !== undefined ? { vpcId } : {}),
            ...(checkAddress !== undefined ? { checkAddress } : {}),
        };
    })();
    const aws = {
        region: raw('aws-region'),
        cluster: raw('ecs-cluster'),
        endpoint: optional('aws-endpoint'),
        subnets: list('subnets'),
        securityGroups: list('security-groups'),
        assignPublicIp: bool('assign-public-ip'),
        spot,
        ...(loadBalancer ? { loadBalancer } : {}),
        taskDefinitionPath: optional('task-definition'),
        containerName: raw('container-name'),
        containerPort,
        executionRoleArn: optional('execution-role-arn'),
        taskRoleArn: optional('task-role-arn'),
        logGroup: optional('log-group'),
        extraEnv: keyValues('extra-env'),
        healthCheckPath,
        stableTimeoutMs: (integer('stable-timeout-minutes', 1, 120) ?? 15) * 60_000,
        healthTimeoutMs: (integer('health-timeout-seconds', 1, 7200) ?? 600) * 1000,
        // Whole milliseconds, which ECS's waits take: 2.01 s is 2009.9999999999998 ms in floating point.
        pollIntervalMs: Math.round(seconds('poll-interval-seconds', 0.05, 300) * 1000),
    };
    const dryRunDocker = bool('dry-run-docker');
    const settings = {
        action,
        githubToken: read('github-token').trim(),
        aws: {
            ...aws,
            // The cleanup action takes no network inputs: it never creates anything.
            ecs: ecsSettingsOf(aws, taken.has('subnets')),
            ...(loadBalancer
                ? {
                    router: {
                        listenerArn: loadBalancer.listenerArn,
                        domain: loadBalancer.domain,
                        // The cleanup action makes no target group, which is all the VPC is for.
                        vpcId: loadBalancer.vpcId ?? '',
                        containerPort: aws.containerPort,
                        healthCheckPath: aws.healthCheckPath,
                    },
                }
                : {}),
        },
        docker: {
            imageRepository: raw('image-repository'),
            context: raw('build-context'),
            dockerfile: optional('dockerfile'),
            target: raw('build-target'),
            buildArgs: keyValues('build-args'),
            platform: raw('platform'),
            cacheFrom: optional('cache-from'),
            cacheTo: optional('cache-to'),
            forceRebuild: bool('force-rebuild'),
            existingImage: optional('existing-image'),
            dryRun: dryRunDocker,
        },
        policy: {
            defaultTtl,
            defaultSize,
            leaseMinutes: integer('lease-minutes', 5, 24 * 60) ?? 60,
            expiryWarningMinutes: (integer('expiry-warning-hours', 0, 168) ?? 6) * 60,
            maxEnvironments,
            maxEnvironmentsPerRequester,
            ...(sleepSchedule ? { sleepSchedule } : {}),
            forkBuilds: action !== 'main' ? 'isolated' : bool('allow-unsafe-fork-builds') ? 'in-this-job' : 'refused',
        },
        defaultFlags,
        costPerHour,
        slackWebhookUrl,
        orphanGraceMinutes: integer('orphan-grace-minutes', 0, 7 * 24 * 60) ?? 30,
        deleteUnusedLabels: bool('delete-unused-labels'),
        dryRun: { github: bool('dry-run-github'), aws: bool('dry-run-aws'), docker: dryRunDocker },
    };
    // The split form's build job takes no token at all: there, an empty one is the point.
    if (settings.githubToken === '' && !settings.dryRun.github && taken.has('github-token')) {
        problems.push("input 'github-token' is empty; expected a token (the default ${{ github.token }} works)");
    }
    if (problems.length > 0)
        throw new SettingsError(problems);
    return settings;
}
const NO_SUBNETS = "input 'subnets' is empty; expected subnet IDs to deploy into";
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const SUBNET = /^subnet-[0-9a-f]+$/;
const SECURITY_GROUP = /^sg-[0-9a-f]+$/;
const LOG_GROUP = /^[A-Za-z0-9_\-/.#]{1,512}$/;
const NO_SPACE = /^\S+$/;
/**
 * The ECS part of the settings: the one place its inputs are checked beyond what readSettings checks for every run
 * (the port, the health path and the extra-env names are checked there, for every run, and not again here).
 * The template is read on the call: it is a file of the checkout, and only a run that talks to ECS needs it.
 */
function ecsSettingsOf(aws, takesNetwork) {
    return (workspace) => {
        const problems = [];
        const bad = (name, value, form) => {
            problems.push(problem(name, value, form));
        };
        if (!REGION.test(aws.region))
            bad('aws-region', aws.region, 'an AWS region, e.g. us-east-1');
        if (takesNetwork && aws.subnets.length === 0)
            problems.push(NO_SUBNETS);
        for (const subnet of aws.subnets) {
            if (!SUBNET.test(subnet))
                bad('subnets', subnet, 'subnet IDs, subnet-<hex>');
        }
        for (const group of aws.securityGroups) {
            if (!SECURITY_GROUP.test(group))
                bad('security-groups', group, 'security group IDs, sg-<hex>');
        }
        if (aws.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(aws.endpoint))
            bad('aws-endpoint', aws.endpoint, 'an http(s) URL, e.g. http://127.0.0.1:5000');
        if (aws.executionRoleArn !== undefined && !NO_SPACE.test(aws.executionRoleArn))
            bad('execution-role-arn', aws.executionRoleArn, 'a role ARN or name');
        if (aws.taskRoleArn !== undefined && !NO_SPACE.test(aws.taskRoleArn))
            bad('task-role-arn', aws.taskRoleArn, 'a role ARN or name');
        if (aws.logGroup !== undefined && !LOG_GROUP.test(aws.logGroup))
            bad('log-group', aws.logGroup, 'a log group name of 1-512 letters, digits and _-/.#');
        let template;
        const templatePath = aws.taskDefinitionPath;
        try {
            // A path in the consuming repository: relative to its checkout, as build-context is.
            template = (0,task_definition/* loadTaskDefinitionTemplate */.th)(templatePath === undefined ? undefined : external_node_path_default().resolve(workspace, templatePath));
        }
        catch (error) {
            // The loader's message names the file and ends with the accepted form.
            problems.push(`input 'task-definition' is ${JSON.stringify(templatePath)}: ${error.message}`);
        }
        if (template !== undefined) {
            const containers = template.containerDefinitions ?? [];
            if (!containers.some((container) => container.name === aws.containerName)) {
                const names = containers.map((container) => `"${container.name}"`).join(', ');
                bad('container-name', aws.containerName, `a container of the task-definition template (it has ${names})`);
            }
            if (aws.logGroup !== undefined && !(aws.executionRoleArn ?? template.executionRoleArn)) {
                bad('log-group', aws.logGroup, 'empty, or set together with execution-role-arn (or a template with an executionRoleArn): Fargate needs one to write to CloudWatch Logs');
            }
        }
        if (problems.length > 0 || template === undefined)
            throw new SettingsError(problems);
        return resolveEcsSettings({
            region: aws.region,
            cluster: aws.cluster,
            subnets: aws.subnets,
            securityGroups: aws.securityGroups,
            assignPublicIp: aws.assignPublicIp,
            spot: aws.spot,
            taskDefinitionTemplate: template,
            containerName: aws.containerName,
            containerPort: aws.containerPort,
            environment: aws.extraEnv,
            healthCheckPath: aws.healthCheckPath,
            timeouts: {
                stableMs: aws.stableTimeoutMs,
                healthMs: aws.healthTimeoutMs,
                pollIntervalMs: aws.pollIntervalMs,
                healthIntervalMs: Math.min(DEFAULT_TIMEOUTS.healthIntervalMs, aws.pollIntervalMs),
            },
            endpoint: aws.endpoint,
            executionRoleArn: aws.executionRoleArn,
            taskRoleArn: aws.taskRoleArn,
            logGroup: aws.logGroup,
        });
    };
}
/** Inputs that only a deploy needs; checked when a run is about to create something, not for every event. */
function deployProblems(settings) {
    const problems = [];
    if (settings.aws.subnets.length === 0)
        problems.push(NO_SUBNETS);
    if (settings.aws.securityGroups.length === 0) {
        problems.push("input 'security-groups' is empty; expected security group IDs for the tasks");
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/orchestrator/actions-log.ts
// The runner's log, for the entrypoints: workflow commands through src/runner/core.ts, groups included.

const actions_log_actionsLog = {
    info: (message) => info(message),
    warning: (message) => warning(message),
    error: (message) => error(message),
    group: (name, fn) => group(name, fn),
};

;// CONCATENATED MODULE: ./src/orchestrator/context.ts
let openGroups = 0;
/**
 * One phase of a run as a log group, so that a maintainer finds the phase that failed at a glance. GitHub's log groups
 * do not nest: a phase inside another (a sweep's teardown retiring an environment) stays in the outer group.
 */
async function context_phase(log, name, fn) {
    if (log.group === undefined || openGroups > 0)
        return fn();
    openGroups += 1;
    try {
        return await log.group(name, fn);
    }
    finally {
        openGroups -= 1;
    }
}
function context_runInfoFromEnv(env) {
    const id = env.GITHUB_RUN_ID ?? `local-${process.pid}`;
    const attempt = env.GITHUB_RUN_ATTEMPT ?? '1';
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const url = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${attempt}`
        : undefined;
    return { holder: `run ${id}/${attempt}`, url, server };
}
/** An error's message, or the thrown value as text. */
function context_messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/orchestrator/handover.ts
// What passes between the jobs of the split form. The plan record travels as a job output (a job that ran PR code
// can overwrite the run's artifacts, never another job's outputs); only the image archive, checked by digest, is an
// artifact.

/** The commit the build job builds: the claimed one, only when this run claimed a build. */
function handover_buildRequestOf(record) {
    if (!record.buildNeeded || record.claim === undefined || record.pr === undefined)
        return undefined;
    return { pr: record.pr, sha: record.claim.sha };
}
/**
 * Names the image of a claimed build and looks it up in the registry before anything is checked out: when it is
 * there, the build job is skipped and the deploy job deploys it by digest. The plan job holds no registry login,
 * so the read is anonymous; a registry that refuses it (a private one) means a build, which is always safe.
 */
async function handover_planImage(record, options, registry, log) {
    const request = handover_buildRequestOf(record);
    if (request === undefined || options.existingImage !== undefined)
        return record;
    const tag = imageTag(options.imageRepository, request);
    if (options.forceRebuild) {
        log.info(`force-rebuild: building ${tag} without looking in the registry`);
        return { ...record, image: { tag } };
    }
    const lookup = await registry.digestOf(tag, { anonymous: true });
    if (lookup.found) {
        log.info(`${tag} is already in the registry (${lookup.digest}); the build job is skipped.`);
        return { ...record, image: { tag, digest: lookup.digest } };
    }
    log.info(`${tag} is to be built: ${lookup.why}.`);
    return { ...record, image: { tag } };
}
/** Whether the build job has anything to do. */
function handover_buildJobNeeded(record) {
    return (handover_buildRequestOf(record) !== undefined && record.image !== undefined && record.image.digest === undefined);
}

;// CONCATENATED MODULE: ./src/core/approval.ts

const WRITER_PERMISSIONS = new Set(['admin', 'maintain', 'write']);
const FULL_SHA = /^[0-9a-f]{40}$/;
/** admin, maintain or write; `unknown` (the permission check failed) is never a writer. */
function approval_isWriter(actor) {
    return WRITER_PERMISSIONS.has(actor.permission);
}
/**
 * Whether the PR's head needs an approval in full. A PR whose head repository is unknown (the caller did not say)
 * counts as a fork: the cautious reading.
 */
function headIsUntrusted(state, event) {
    return state.fromFork !== false || (event?.kind === 'synchronize' && event.fromFork);
}
/** The full SHA a writer named in this event, if any: the only form of approval a fork's commit accepts. */
function approvedInFull(event) {
    if (event.kind !== 'command' && event.kind !== 'dispatch')
        return undefined;
    if (!approval_isWriter(event.actor))
        return undefined;
    const sha = event.kind === 'dispatch' ? event.sha : event.command.kind === 'start' ? event.command.sha : undefined;
    return sha !== undefined && FULL_SHA.test(sha) ? sha : undefined;
}
/** The exact comment that approves `sha`. */
function approval_approvalCommand(sha) {
    return `/showtime start ${sha}`;
}
/**
 * The decision itself when it builds nothing, builds a trusted head, or builds the very commit a writer named in
 * full; otherwise `await-approval` for the commit it would have built. Labels that only a deployment consumes (conf
 * labels) stay for the deployment that applies them; trigger labels are answered.
 */
function approval_requireApproval(input, decision) {
    const { state, event } = input;
    if (!decision.buildNeeded || decision.targetSha === undefined)
        return decision;
    if (!headIsUntrusted(state, event))
        return decision;
    // A build names its commit in full (planner.ts build()); anything shorter cannot be approved, so nothing is built.
    const sha = parseFullSha(decision.targetSha);
    if (sha === undefined)
        return {
            action: 'refuse',
            reason: 'invalid-sha',
            message: `${decision.targetSha} is not a full commit SHA, so it cannot be approved or built.`,
            buildNeeded: false,
            consume: [],
        };
    const pending = new Set(state.pendingConfig.map((entry) => entry.label));
    const answered = decision.consume.filter((label) => !pending.has(label));
    if (input.policy.forkBuilds === 'refused') {
        // Asked before any approval: approving a commit this job would then refuse to build helps nobody.
        return {
            action: 'refuse',
            reason: 'fork-build-needs-split',
            message: `${sha.slice(0, 7)} is a fork's commit, and this workflow runs showtime as one job, which holds the deploy ` +
                "role and a write token: a fork's code is never built here. Run the plan, build and deploy actions instead " +
                '(README: One job or three); their build job holds nothing worth stealing.',
            buildNeeded: false,
            targetSha: sha,
            consume: answered,
        };
    }
    if (approvedInFull(event) === sha)
        return decision;
    const approval = { sha, ...(state.active ? { since: state.active } : {}) };
    const asked = event.kind === 'synchronize' ? `${sha.slice(0, 7)} was pushed to` : `${sha.slice(0, 7)} is the head of`;
    return {
        action: 'await-approval',
        reason: 'awaiting-approval',
        message: `${asked} a fork PR: a fork's commit is deployed only when a maintainer approves it by its full SHA. ` +
            `To deploy it, comment \`${approval_approvalCommand(sha)}\`.`,
        buildNeeded: false,
        targetSha: sha,
        consume: answered,
        approval,
    };
}
/**
 * Markdown links to the commit waiting for approval and to its diff since the last approved commit, for the PR.
 * `server` is e.g. https://github.com; `repo` is owner/name (both from the runner, never from the PR).
 */
function approvalLinks(server, repo, approval) {
    return approvalLinksAt(`${server.replace(/\/+$/, '')}/${repo}`, approval);
}
/** approvalLinks for a repository's web address (`https://github.com/owner/repo`). */
function approvalLinksAt(base, approval) {
    return `Review ${approval_reviewLinks(base, approval)}, then comment \`${approval_approvalCommand(approval.sha)}\`.`;
}
/** The commit waiting for approval and its diff since the last approved commit, as markdown links. */
function approval_reviewLinks(base, approval) {
    const commit = `[commit ${approval.sha.slice(0, 7)}](${base}/commit/${approval.sha})`;
    const diff = approval.since
        ? ` · [diff since ${approval.since}, the last approved commit](${base}/compare/${approval.since}...${approval.sha})`
        : '';
    return `${commit}${diff}`;
}

;// CONCATENATED MODULE: ./src/core/commands.ts
// The `/showtime` (alias `/circus`) comment grammar. Pure: a comment body in, commands and errors out.
//
// Only what a reader sees as a command counts. The body is read line by line, once, with the little Markdown it takes
// to know what is code, quoted or hidden: fenced and indented code, `>` quotes and HTML comments never yield commands.
// Wherever Markdown is ambiguous the parser errs towards ignoring a line, never towards acting on text that a person
// reading the rendered comment would not see as a command.



const COMMAND_PREFIX = '/showtime';
const COMMAND_PREFIX_ALIAS = '/circus';
/** Longest quote of a line in an error, so a reply stays readable whatever was posted. */
const MAX_QUOTED_LINE = 100;
const MAX_QUOTED_WORD = 40;
const DURATION_FORM = '<n>h|<n>d|<n>w';
/** Every command once; usage texts, help and the README are all derived from this table. */
const COMMAND_SPECS = [
    {
        name: 'start',
        aliases: ['refresh'],
        args: '[sha]',
        summary: "Build and deploy the PR's head commit, or the given commit (7 or 40 hex characters); a running environment is replaced blue-green.",
    },
    { name: 'stop', aliases: ['destroy'], args: '', summary: "Tear down the PR's environments." },
    {
        name: 'status',
        aliases: [],
        args: '',
        summary: 'Reply, mentioning you, with the state, address and expiry of each environment of the PR.',
    },
    {
        name: 'extend',
        aliases: [],
        args: DURATION_FORM,
        summary: 'Restart the expiry clock with this duration, 1 hour to 4 weeks (e.g. `48h`, `3d`, `1w`).',
    },
    {
        name: 'keep-alive',
        aliases: [],
        args: '',
        summary: 'Remove the time limit: the environment stays until it is stopped or the PR is closed.',
    },
    {
        name: 'freeze',
        aliases: [],
        args: '',
        summary: 'Stop updating the environment when new commits are pushed.',
    },
    { name: 'unfreeze', aliases: [], args: '', summary: 'Update the environment on new commits again.' },
    {
        name: 'sleep',
        aliases: [],
        args: '',
        summary: 'Scale the environment to zero: it costs nothing and keeps its state; its TTL keeps running.',
    },
    {
        name: 'wake',
        aliases: [],
        args: '',
        summary: 'Bring a sleeping environment back (the start label and a push wake it too).',
    },
    {
        name: 'enable',
        aliases: [],
        args: '<FLAG>',
        summary: 'Switch the feature flag `SUPERSET_FEATURE_<FLAG>` on (uppercase name, no rebuild).',
    },
    { name: 'disable', aliases: [], args: '<FLAG>', summary: 'Switch the feature flag off again.' },
    { name: 'debug', aliases: [], args: 'on|off', summary: 'Turn debug mode on or off.' },
    {
        name: 'size',
        aliases: [],
        args: types/* SIZES */.F0.join('|'),
        summary: 'Change the CPU and memory of the environment.',
    },
    { name: 'help', aliases: [], args: '', summary: 'Reply, mentioning you, with this list.' },
];
function formOf(spec) {
    return spec.args === '' ? `${COMMAND_PREFIX} ${spec.name}` : `${COMMAND_PREFIX} ${spec.name} ${spec.args}`;
}
const SPEC_BY_WORD = new Map();
for (const spec of COMMAND_SPECS) {
    SPEC_BY_WORD.set(spec.name, spec);
    for (const alias of spec.aliases)
        SPEC_BY_WORD.set(alias, spec);
}
/** One line naming every command with its arguments, for errors about an unknown command. */
const COMMAND_SUMMARY = (/* unused pure expression or super */ null && (`${COMMAND_PREFIX} ${COMMAND_SPECS.map((s) => (s.args ? `${s.name} ${s.args}` : s.name)).join(', ')}`));
/** The reference of every command (Markdown), for help replies and the README. */
const commands_COMMAND_USAGE = [
    `Commands go at the start of a line of a PR comment; \`${COMMAND_PREFIX_ALIAS}\` works as well as \`${COMMAND_PREFIX}\`,`,
    'and one comment may hold several commands, one per line. Lines in quotes, code and HTML comments are ignored.',
    '',
    ...COMMAND_SPECS.map((spec) => {
        const aliases = spec.aliases.map((a) => ` (alias \`${a}\`)`).join('');
        return `- \`${formOf(spec)}\`${aliases}: ${spec.summary}`;
    }),
].join('\n');
/** Reads every command of a comment body, in order. Never throws; time and memory are linear in the body's length. */
function commands_parseCommands(body) {
    const result = { commands: [], errors: [] };
    const reader = new MarkdownLines();
    const text = body.startsWith('\uFEFF') ? body.slice(1) : body;
    for (const line of text.split(/\r\n|\r|\n/)) {
        const visible = reader.candidate(line);
        if (visible === undefined)
            continue;
        const parsed = parseCommandLine(visible);
        if (parsed === undefined)
            continue;
        if ('kind' in parsed)
            result.commands.push(parsed);
        else
            result.errors.push(parsed);
    }
    return result;
}
/** The canonical text of a command, which parseCommands reads back as the same command. */
function formatCommand(command) {
    const words = [COMMAND_PREFIX, ...commandWords(command)];
    return words.join(' ');
}
function commandWords(command) {
    switch (command.kind) {
        case 'start':
            return command.sha === undefined ? ['start'] : ['start', command.sha];
        case 'extend':
            return ['extend', formatTtl(command.ttl)];
        case 'configure':
            return configureWords(command.change);
        default:
            return [command.kind];
    }
}
function configureWords(change) {
    switch (change.kind) {
        case 'flag':
            return [change.enabled ? 'enable' : 'disable', change.flag];
        case 'debug':
            return ['debug', change.enabled ? 'on' : 'off'];
        case 'size':
            return ['size', change.size];
    }
}
/**
 * Follows the block structure of a comment line by line and hands out the lines that may hold a command.
 * State carried between lines: an open code fence, or an open HTML comment.
 */
class MarkdownLines {
    fence;
    inComment = false;
    /** The line with HTML comments removed when it may hold a command, else undefined. */
    candidate(line) {
        if (this.fence) {
            if (this.closesFence(line))
                this.fence = undefined;
            return undefined;
        }
        if (this.inComment) {
            // A line that starts inside a comment is never a command line, even after the comment ends.
            const end = line.indexOf('-->');
            if (end >= 0) {
                this.inComment = false;
                this.stripComments(line.slice(end + 3));
            }
            return undefined;
        }
        if (this.opensFence(line))
            return undefined;
        const indent = leadingSpaces(line);
        const rest = line.slice(indent);
        // Every line is scanned for comments, even those that are not candidates: a comment opened in a quote or an
        // indented line can hide the lines below it.
        const visible = this.stripComments(rest);
        // More than 3 spaces is indented code. A tab is no space: a tab-indented line (code too) does not start with `/`.
        if (indent > 3 || !rest.startsWith('/'))
            return undefined;
        return visible;
    }
    /** Removes `<!-- … -->` from the line; an unclosed one hides the rest of the line and the lines that follow. */
    stripComments(text) {
        let visible = '';
        let from = 0;
        for (;;) {
            const open = text.indexOf('<!--', from);
            if (open < 0)
                return visible + text.slice(from);
            visible += text.slice(from, open);
            // Searching past the whole opener keeps `<!-->` open: when unsure whether something is hidden, it is.
            const close = text.indexOf('-->', open + 4);
            if (close < 0) {
                this.inComment = true;
                return visible;
            }
            // Nothing replaces it, as in the rendered text: `/showtime<!-- -->stop` reads `/showtimestop`.
            from = close + 3;
        }
    }
    opensFence(line) {
        const match = FENCE_OPEN.exec(line);
        if (!match)
            return false;
        const [, indent = '', marker = '', run = '', info = ''] = match;
        const char = run.charAt(0);
        // A backtick run followed by more backticks on the line is inline code, not a fence.
        if (char === '`' && info.includes('`'))
            return false;
        // In a list item the code belongs to the item: its closing fence is indented like the item's content.
        this.fence = { char, length: run.length, maxIndent: indent.length + marker.length + 3 };
        return true;
    }
    closesFence(line) {
        const fence = this.fence;
        const match = FENCE_CLOSE.exec(line);
        if (!fence || !match)
            return false;
        const [, indent = '', run = ''] = match;
        return indent.length <= fence.maxIndent && run.charAt(0) === fence.char && run.length >= fence.length;
    }
}
// Up to 3 spaces, an optional list marker, then 3 or more backticks or tildes. The info string is matched with
// [\s\S] rather than `.` so that a U+2028 in it cannot make the engine backtrack through the fence run.
const FENCE_OPEN = /^( {0,3})((?:[-*+]|[0-9]{1,9}[.)])[ ]+)?(`{3,}|~{3,})([\s\S]*)$/;
const FENCE_CLOSE = /^( *)(`{3,}|~{3,})[ \t]*$/;
function leadingSpaces(line) {
    let n = 0;
    while (n < line.length && line.charCodeAt(n) === 0x20)
        n++;
    return n;
}
/**
 * One candidate line (starting with `/`, comments removed): undefined when it is not addressed to showtime at all,
 * else the command or the error to reply with.
 */
function parseCommandLine(visible) {
    const words = visible.trim().split(/\s+/);
    const prefix = asciiLower(words[0] ?? '');
    if (prefix !== COMMAND_PREFIX && prefix !== COMMAND_PREFIX_ALIAS)
        return undefined;
    const line = shorten(visible.trim(), MAX_QUOTED_LINE);
    const word = words[1];
    if (word === undefined)
        return { kind: 'help' };
    const spec = SPEC_BY_WORD.get(asciiLower(word));
    if (!spec) {
        return {
            line,
            message: `Unknown command \`${quoteWord(word)}\`.`,
            usage: COMMAND_SUMMARY,
        };
    }
    const parsed = parseArguments(spec, words.slice(2));
    if (typeof parsed === 'string')
        return { line, message: parsed, usage: formOf(spec) };
    return parsed;
}
/** The command, or the reason its arguments are wrong. */
function parseArguments(spec, args) {
    const [first, ...extra] = args;
    const name = spec.name;
    if (spec.args === '' && first !== undefined) {
        return `\`${name}\` takes no arguments; remove \`${quoteWord(args.join(' '))}\`.`;
    }
    if (extra.length > 0)
        return `\`${name}\` takes a single argument; remove \`${quoteWord(extra.join(' '))}\`.`;
    switch (name) {
        case 'start':
            return parseStart(first);
        case 'extend':
            return first === undefined ? `\`extend\` needs a duration: ${DURATION_FORM}.` : parseExtend(first);
        case 'enable':
        case 'disable':
            return first === undefined
                ? `\`${name}\` needs a feature flag: ${FORMS.flag}.`
                : parseFlagChange(first, name === 'enable');
        case 'debug':
            return first === undefined ? '`debug` needs `on` or `off`.' : parseDebug(first);
        case 'size':
            return first === undefined ? `\`size\` needs one of ${FORMS.size}.` : parseSizeChange(first);
        default:
            return { kind: name };
    }
}
function parseStart(arg) {
    if (arg === undefined)
        return { kind: 'start' };
    const sha = parseSha(arg);
    return sha === undefined
        ? `\`${quoteWord(arg)}\` is not a commit SHA: ${FORMS.sha}.`
        : { kind: 'start', sha };
}
function parseExtend(arg) {
    const ttl = parseTtl(asciiLower(arg));
    if (ttl === undefined) {
        return `\`${quoteWord(arg)}\` is not a duration: ${DURATION_FORM}, from 1 hour to 4 weeks, e.g. 48h.`;
    }
    if (ttl.kind !== 'duration') {
        return `\`extend\` takes a duration; to keep the environment without a time limit use \`${COMMAND_PREFIX} keep-alive\`.`;
    }
    return { kind: 'extend', ttl };
}
function parseFlagChange(arg, enabled) {
    const flag = parseFlag(arg);
    if (flag !== undefined)
        return { kind: 'configure', change: { kind: 'flag', flag, enabled } };
    const upper = asciiUpper(arg);
    if (upper !== arg && parseFlag(upper) !== undefined) {
        return `Feature flag names are uppercase: write \`${quoteWord(upper)}\`, not \`${quoteWord(arg)}\`.`;
    }
    return `\`${quoteWord(arg)}\` is not a feature flag name: ${FORMS.flag}.`;
}
function parseDebug(arg) {
    const value = asciiLower(arg);
    if (value === 'on' || value === 'off')
        return { kind: 'configure', change: { kind: 'debug', enabled: value === 'on' } };
    return `\`${quoteWord(arg)}\` is neither \`on\` nor \`off\`.`;
}
function parseSizeChange(arg) {
    const size = parseSize(asciiLower(arg));
    return size === undefined
        ? `\`${quoteWord(arg)}\` is not a size: ${FORMS.size}.`
        : { kind: 'configure', change: { kind: 'size', size } };
}
// ASCII-only case mapping: Unicode case folding would turn look-alikes (e.g. the Kelvin sign) into command letters.
function asciiLower(text) {
    return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
function asciiUpper(text) {
    return text.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
/** For inside backticks: a backtick would close them, and a mention would still notify in e-mail and Slack. */
function quoteWord(word) {
    return neutraliseMentions(shorten(word, MAX_QUOTED_WORD).replace(/`/g, "'"));
}
/** At most `max` UTF-16 units, ending in … when cut, never splitting a surrogate pair. */
function shorten(text, max) {
    if (text.length <= max)
        return text;
    let cut = max - 1;
    const last = text.charCodeAt(cut - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        cut--;
    return `${text.slice(0, cut)}…`;
}

;// CONCATENATED MODULE: ./src/core/state-guard.ts
// State labels are maintainers' only. The PR's labels are the action's only record, and GitHub lets anyone with
// triage permission remove a label: removing 🔒 blocked or 🧊 freeze would undo a maintainer's decision, removing a
// 📅 would make an environment never expire, removing 🚦/🎯 could get a live service swept as an orphan. So when
// someone without write permission removes a label the action owns, the action puts it back (and says so), and an
// active environment found without a readable 📅 counts as created the moment the action first sees it missing:
// its 📅 is written back, never read as "no deadline". Pure.

/** App and GitHub Actions identities: the action's own writes (with an App token, they trigger events too). */
function state_guard_isBot(login) {
    return login.endsWith('[bot]');
}
/** Labels whose removal by a non-writer is undone: per-SHA state, the pointers, the index, blocked and freeze. */
function state_guard_isOwnedStateLabel(label) {
    const kind = parseLabel(label).kind;
    return (kind === 'status' ||
        kind === 'created' ||
        kind === 'address' ||
        kind === 'ttl' ||
        kind === 'requester' ||
        kind === 'config' ||
        kind === 'pointer' ||
        kind === 'tracked' ||
        kind === 'freeze' ||
        kind === 'blocked');
}
/**
 * The labels to put back after `actor` removed `label`, read against the PR's labels after the removal: empty when
 * the actor may change state, or when putting it back would contradict the PR as it is now (the environment is gone,
 * another label of that kind took its place, a run stopped it meanwhile).
 */
function state_guard_labelsToRestore(label, actor, state, writer) {
    if (writer(actor) || state_guard_isBot(actor.login) || !state_guard_isOwnedStateLabel(label))
        return [];
    const parsed = parseLabel(label);
    const anything = Object.keys(state.environments).length > 0 || state.active !== undefined || state.building !== undefined;
    switch (parsed.kind) {
        case 'freeze':
            return state.frozen ? [] : [FREEZE];
        case 'blocked':
            return state.blocked ? [] : [BLOCKED];
        case 'tracked':
            return anything ? [TRACKED] : [];
        case 'pointer': {
            const taken = parsed.pointer === 'active' ? state.active : state.building;
            return state.environments[parsed.sha] !== undefined && taken === undefined ? [label] : [];
        }
        case 'status':
        case 'created':
        case 'address':
        case 'ttl':
        case 'requester':
        case 'config': {
            if (parsed.sha === undefined)
                return [];
            const env = state.environments[parsed.sha];
            if (env === undefined)
                return [];
            const sameKind = env.labels.some((other) => parseLabel(other).kind === parsed.kind);
            return sameKind && parsed.kind !== 'config' ? [] : [label];
        }
        default:
            return [];
    }
}
/** 📅 labels to write for active environments that have none readable: created now, the first time it is seen. */
function state_guard_missingCreated(state, now) {
    const active = state.active === undefined ? undefined : state.environments[state.active];
    if (active === undefined || active.createdAt !== undefined)
        return [];
    // A 📅 that is there but unreadable stays (it is reported as damaged); only the absence of any is repaired.
    if (active.labels.some((label) => /^🎪 [0-9a-f]{7} 📅 /.test(label)))
        return [];
    return [createdLabel(active.sha, now)];
}

;// CONCATENATED MODULE: ./src/core/intake.ts
// Intake: what an event is, before the planner decides anything about it. The answers here are the events that ask
// nothing of the action (they cost no API call, or one read), each with its reason; everything else becomes the
// planner's events. Pure: the caller reads the PR and the sender's permission.


const answer = (reason, message) => ({
    action: 'nothing',
    buildNeeded: false,
    reason,
    message,
    consume: [],
});
/** Labels whose addition or removal is a request to the action; everything else on a PR is ignored for free. */
function isRequestLabel(label) {
    const parsed = parseLabel(label);
    return (parsed.kind === 'trigger' ||
        parsed.kind === 'freeze' ||
        parsed.kind === 'blocked' ||
        parsed.kind === 'config-command');
}
/** A state label removed by a person is checked (a non-writer's removal is undone); by the action itself, ignored. */
function intake_isGuardedRemoval(facts) {
    return facts.kind === 'unlabeled' && isOwnedStateLabel(facts.label) && !isBot(facts.sender);
}
/** The answer to an event that needs no read at all, or undefined when the PR has to be read. */
function intake_answerUnread(facts, commands) {
    if (facts.kind === 'ignored')
        return answer('ignored-event', facts.reason);
    if (facts.kind === 'schedule') {
        return answer('schedule-is-cleanup', 'Scheduled sweeps are the cleanup action’s job.');
    }
    if ((facts.kind === 'labeled' || facts.kind === 'unlabeled') && !isRequestLabel(facts.label)) {
        // Not echoed: whoever set it (triage can) is not known yet, and a non-writer's text is never repeated.
        if (!intake_isGuardedRemoval(facts)) {
            return answer('not-a-request-label', 'The label that changed asks nothing of showtime.');
        }
    }
    if (facts.kind === 'comment' && commands.commands.length === 0 && commands.errors.length === 0) {
        return answer('no-command', 'The comment holds no /showtime command.');
    }
    return undefined;
}
/** The answer once the PR is read (its head and labels), or undefined when the planner decides. */
function intake_answerRead(facts, state) {
    if (facts.kind === 'synchronize' && facts.headSha !== state.headSha) {
        // GitHub does not order workflow runs: this push was overtaken by a newer one, whose own run deploys the head.
        // Deploying this commit now would replace the newer one with it (reliability tests: pushes out of order).
        return answer('push-superseded', `${facts.headSha.slice(0, 7)} is no longer the head of the PR; the newer push's run takes over.`);
    }
    const hasAnything = Object.keys(state.environments).length > 0 || state.building !== undefined || state.triggers.legacyUp;
    if ((facts.kind === 'synchronize' || facts.kind === 'closed' || facts.kind === 'reopened') &&
        !hasAnything) {
        return answer('no-environment', 'This pull request has no environment.');
    }
    return undefined;
}
/** The planner's events of a payload: one per command of a comment, one for anything else. */
function intake_eventsOf(facts, actor, commands) {
    switch (facts.kind) {
        case 'labeled':
        case 'unlabeled':
            return [{ kind: facts.kind, label: facts.label, pr: facts.pr, headSha: facts.headSha, actor }];
        case 'synchronize':
            return [{ kind: 'synchronize', pr: facts.pr, headSha: facts.headSha, actor, fromFork: facts.fromFork }];
        case 'closed':
        case 'reopened':
            return [{ kind: facts.kind, pr: facts.pr, headSha: facts.headSha, actor }];
        case 'comment':
            return commands.commands.map((command) => ({ kind: 'command', pr: facts.pr, command, actor }));
        case 'dispatch':
            return [{ kind: 'dispatch', pr: facts.pr, sha: facts.sha, actor }];
        default:
            return [];
    }
}
/** A comment none of whose commands could be read: the errors are reported, nothing else happens. */
function intake_answerUnreadable(events, commands) {
    if (events.length > 0 || commands.errors.length === 0)
        return undefined;
    return answer('command-errors', 'The comment’s commands could not be read.');
}

;// CONCATENATED MODULE: ./src/core/payload.ts
// Turns a GitHub event (name + payload JSON) into the few facts the action needs, validating each one. Pure: the
// entrypoint reads the file and adds the sender's permission, which needs an API call.

class PayloadError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PayloadError';
    }
}
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** Reads `path` (dotted) from the payload, failing with a message that names the field and the expected form. */
function field(payload, path, expected) {
    let current = payload;
    for (const key of path.split('.')) {
        if (!isObject(current) || !(key in current)) {
            throw new PayloadError(`event payload lacks '${path}'; expected ${expected}`);
        }
        current = current[key];
    }
    return current;
}
function prNumber(value, path) {
    const number = typeof value === 'string' && /^[0-9]{1,9}$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
        throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected a pull request number`);
    }
    return number;
}
// GitHub always sends the head commit whole; a shortened one would pin nothing.
function sha(payload, path) {
    const value = field(payload, path, FORMS.commit);
    const parsed = typeof value === 'string' ? parseFullSha(value) : undefined;
    if (parsed === undefined) {
        throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${FORMS.commit}`);
    }
    return parsed;
}
function login(payload, path) {
    const value = field(payload, path, FORMS.login);
    const parsed = typeof value === 'string' ? parseLogin(value) : undefined;
    if (parsed === undefined) {
        throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${FORMS.login}`);
    }
    return parsed;
}
function payload_text(payload, path, expected) {
    const value = field(payload, path, expected);
    if (typeof value !== 'string') {
        throw new PayloadError(`event payload '${path}' is ${JSON.stringify(value)}; expected ${expected}`);
    }
    return value;
}
const PULL_REQUEST_ACTIONS = (/* unused pure expression or super */ null && (['labeled', 'unlabeled', 'synchronize', 'closed', 'reopened']));
function payload_parsePayload(eventName, payload) {
    if (!isObject(payload))
        throw new PayloadError('event payload is not a JSON object');
    switch (eventName) {
        case 'pull_request_target':
        case 'pull_request': {
            const action = payload_text(payload, 'action', 'a pull_request action such as labeled');
            if (!PULL_REQUEST_ACTIONS.includes(action)) {
                return { kind: 'ignored', reason: `pull request '${action}' events need no action` };
            }
            const pr = prNumber(field(payload, 'pull_request.number', 'a number'), 'pull_request.number');
            const headSha = sha(payload, 'pull_request.head.sha');
            const sender = login(payload, 'sender.login');
            if (action === 'labeled' || action === 'unlabeled') {
                return { kind: action, pr, headSha, sender, label: payload_text(payload, 'label.name', 'a label name') };
            }
            if (action === 'synchronize') {
                // A deleted fork has head.repo null: treat it as a fork, the cautious reading.
                const headRepo = field(payload, 'pull_request.head.repo', 'the head repository or null');
                const fromFork = !isObject(headRepo) || headRepo.fork === true || headRepo.full_name !== repoName(payload);
                return { kind: 'synchronize', pr, headSha, sender, fromFork };
            }
            return { kind: action, pr, headSha, sender };
        }
        case 'issue_comment': {
            const action = payload_text(payload, 'action', 'created, edited or deleted');
            if (action !== 'created')
                return { kind: 'ignored', reason: `comment '${action}' events need no action` };
            const issue = field(payload, 'issue', 'the issue the comment is on');
            if (!isObject(issue) || !isObject(issue.pull_request)) {
                return { kind: 'ignored', reason: 'the comment is on an issue, not a pull request' };
            }
            const id = field(payload, 'comment.id', 'a comment id');
            if (typeof id !== 'number' || !Number.isInteger(id)) {
                throw new PayloadError(`event payload 'comment.id' is ${JSON.stringify(id)}; expected a number`);
            }
            return {
                kind: 'comment',
                pr: prNumber(field(payload, 'issue.number', 'a number'), 'issue.number'),
                body: payload_text(payload, 'comment.body', 'the comment text'),
                commentId: id,
                sender: login(payload, 'sender.login'),
            };
        }
        case 'workflow_dispatch': {
            const inputs = isObject(payload.inputs) ? payload.inputs : {};
            // Dispatch inputs are free text (GitHub does not enforce an input's pattern), so validate both.
            const rawPr = inputs['pr-number'] ?? inputs.pr_number ?? inputs.pr;
            if (rawPr === undefined) {
                throw new PayloadError("workflow_dispatch input 'pr-number' is missing; expected a pull request number");
            }
            const pr = prNumber(rawPr, 'inputs.pr-number');
            const rawSha = inputs.sha;
            if (rawSha === undefined || rawSha === '')
                return { kind: 'dispatch', pr, sender: login(payload, 'sender.login') };
            const parsed = typeof rawSha === 'string' ? parseSha(rawSha.trim()) : undefined;
            if (parsed === undefined) {
                throw new PayloadError(`workflow_dispatch input 'sha' is ${JSON.stringify(rawSha)}; expected ${FORMS.sha}`);
            }
            return { kind: 'dispatch', pr, sha: parsed, sender: login(payload, 'sender.login') };
        }
        case 'schedule':
            return { kind: 'schedule' };
        default:
            return { kind: 'ignored', reason: `'${eventName}' events are not handled by this action` };
    }
}
function repoName(payload) {
    return isObject(payload.repository) ? payload.repository.full_name : undefined;
}

;// CONCATENATED MODULE: ./src/core/statuses.ts
/** A run is bringing this SHA up: building its image or creating its deployment. */
const statuses_DEPLOYING = new Set(['building', 'built', 'deploying', 'updating']);
/** A run is working on it: bringing it up or changing its configuration. */
const statuses_IN_PROGRESS = new Set([...statuses_DEPLOYING, 'configuring']);
/** A run owns the environment (in progress, or being torn down): another run waits for its lock to lapse. */
const statuses_BUSY = new Set([...statuses_IN_PROGRESS, 'destroying']);
/** Its ECS service serves it: the service must exist. */
const SERVED = new Set(['running', 'updating', 'configuring']);

;// CONCATENATED MODULE: ./src/core/reasons.ts
// Every reason the action can give for what it did, stable across releases: the `reason` output, the logs, the
// decision table (docs/decision-table.md, generated from the test cases) and the README use these words. Grouped by
// the part of the core that gives them; a test keeps each group and the tables equal.
/** Before the planner: what intake (core/intake.ts) answers without a decision to make. */
const INTAKE_REASONS = [
    'ignored-event',
    'schedule-is-cleanup',
    'not-a-request-label',
    'no-command',
    'push-superseded',
    'command-errors',
];
/** The planner's (core/planner.ts), claim outcomes included. */
const PLANNER_REASONS = [
    'first-start',
    'replace-stale',
    'redeploy-running-sha',
    'retry-failed-sha',
    'take-over-expired-lease',
    'already-in-progress',
    'pinned-sha-not-head',
    'replace-live',
    'new-commit',
    'legacy-trigger-present',
    'unfrozen-behind-head',
    'stop-requested',
    'stop-wins-over-start',
    'legacy-trigger-removed',
    'pr-closed',
    'leftover-closed-pr',
    'ttl-expired',
    'lease-expired',
    'deletion-owed',
    'expiry-warning',
    'nothing-to-stop',
    'nothing-to-do',
    'not-authorized',
    'awaiting-approval',
    'fork-build-needs-split',
    'invalid-sha',
    'sha-not-head',
    'sha-not-in-pr',
    'pr-not-open',
    'blocked',
    'unblocked',
    'frozen',
    'no-environment',
    'up-to-date',
    'quota-exceeded',
    'config-changed',
    'config-pending',
    'extend-requested',
    'ttl-over-limit',
    'keep-alive',
    'freeze-requested',
    'unfreeze-requested',
    'sleep-requested',
    'sleep-scheduled',
    'nothing-to-sleep',
    'wake-requested',
    'wake-on-start',
    'nothing-to-wake',
    'status-requested',
    'help-requested',
    'reopened',
    'label-removed',
    'label-ignored',
    'state-label-restored',
    'repair-interrupted-change',
    'claimed-by-another-run',
    'start-withdrawn',
    'head-moved',
];
const REASONS = [...INTAKE_REASONS, ...PLANNER_REASONS];

;// CONCATENATED MODULE: ./src/core/planner.ts
// The planner: one event on one PR, plus what the PR's labels say, in; one decision out. Pure: no I/O, no clock
// (`now` is passed in), nothing thrown, the input never modified. The rules, in the order they are applied:
//
// Authorization fails closed. A writer is an actor whose permission is admin, maintain or write; `unknown` (the
// permission check failed) is never a writer.
// - `closed` tears down whatever exists, whoever closed the PR: cleanup is always safe. Pending start/stop trigger
//   labels are consumed so a reopened PR does not carry a stale request.
// - A non-writer's request (a showtime label added or removed, a command, a dispatch) is refused `not-authorized`
//   and the label they added is consumed, `testenv-up` included: otherwise a triage user could leave a trigger for
//   the next maintainer event to pick up. Labels showtime does not own are ignored whoever adds them, and removing a
//   trigger or conf label is how runs consume them, so neither is ever refused.
// - A push by a non-writer (a fork's author, usually) goes through the same checks as a writer's push below, but
//   where a writer's push would deploy it yields `await-approval`: a maintainer approves that one commit with
//   `/showtime start <40-hex>`, and the environment keeps serving the commit it had.
// - Fork PRs: every decision that would build a commit of a fork goes through approval.ts last, which turns it into
//   `await-approval` unless a writer named that very commit in full (see there for the rule and why).
//
// Start (label TRIGGER_START or `testenv-up`, `/showtime start [sha]`, dispatch [sha]):
// - the stop trigger on the PR as well → stop wins, both triggers consumed (whichever event came first);
// - a closed PR → refuse `pr-not-open`; BLOCKED → refuse `blocked`;
// - the target is the SHA the event pins: the labeled event's head, the command's sha (which must be a prefix of
//   the PR head, else `sha-not-head`), the dispatch's sha (a prefix of the head, or the full SHA of a commit of the
//   PR, which the caller read into `commits`; else `sha-not-in-pr`) or else the head.
//   A pinned commit that is no longer the head is still deployed, since it is what was approved, with reason
//   `pinned-sha-not-head`; the newer commit's own push event takes it from there;
// - an environment for the target exists: running → `redeploy-config` (same image, current config); in progress →
//   `nothing` while the PR's lock is live, else take over; failed or unreadable → rebuild (`retry-failed-sha`);
// - whether a build becomes `create` or `rolling-update` depends only on whether another environment of the PR is
//   live (running or in progress): a live one keeps serving until its successor is healthy. Quotas apply to
//   `create` only, counting the fleet outside this PR; without a fleet (the caller did not look) there is no quota;
// - FREEZE does not stop an explicit start: it only stops following pushes.
// Every answer to a start consumes TRIGGER_START (a refusal answers it too); `testenv-up` is state in the workflow
// this action replaces and is never consumed. Pending conf labels are consumed only when a deployment applies them.
//
// Stop (TRIGGER_STOP, `/showtime stop`, removal of `testenv-up`) proceeds when blocked or frozen: `stop` when any
// environment or pointer exists, else `nothing-to-stop`; the stop (and start) trigger is consumed either way.
// A `stop` decision without targetSha tears down every environment of the PR; with one, only that environment.
//
// BLOCKED forbids create, update, configure and extend; stop, close and expiry still work. Adding it is `nothing`
// `blocked`; removing it is `unblocked` and starts nothing. FREEZE (label or command) → `freeze`; unfreeze →
// `unfreeze`, or a `rolling-update` `unfrozen-behind-head` when the active environment is behind the head and the
// PR is not blocked. The unfreeze command consumes FREEZE so the run removes it.
//
// Push (synchronize): blocked → `blocked`; frozen → `frozen`; no environment → `no-environment`, except with
// `testenv-up` on the PR, which creates one as the old workflow did; active environment at the head →
// `up-to-date`; the head already being built under a live lock → `already-in-progress`; otherwise a
// `rolling-update` to the pushed SHA, superseding whatever is running or in progress.
//
// Configuration (a conf label added, a configure command): blocked → refuse; a running active environment →
// `redeploy-config` with its config plus every pending conf change and the command's change, in that order, all conf
// labels consumed; otherwise `config-pending`: the labels stay and the next deployment applies them.
// extend / keep-alive (TTL `close`) → `extend` of the active (else the building) environment, `no-environment`
// when there is none. status and help → `status`. `reopened` starts nothing (add the start label to deploy).
//
// The sweep (schedule, one PR at a time): a closed PR with anything left → `stop` `leftover-closed-pr`; the active
// environment past its TTL (its own, else the policy default, counted from its 📅) → `stop` `ttl-expired`; an
// environment left `destroying` (its teardown failed) while no live lock exists → `stop` `deletion-owed` of it; an
// environment in progress, older than the lease, while no live lock exists → `stop` `lease-expired` of that
// environment alone (a missing 📅 counts as old, since no run holds the lock); within the warning window of the TTL
// → `warn-expiry`. TTLs `close` and `manual` never expire; an active environment without 📅 has no known deadline
// and is left alone (the PR state reports the damaged labels).









function planner_plan(input) {
    if (input.claim !== undefined)
        return planClaim(input, input.claim);
    // A repair rebuilds the head, and answers to the approval rule like any other build.
    return requireApproval(input, repairIfDamaged(planEvent(input), input.state));
}
/** A create or rolling update decided again on what claiming it met; `create`/`rolling-update` of `sha` goes on. */
function planClaim(input, claim) {
    const sha7 = toSha7(claim.sha) ?? claim.sha.slice(0, 7);
    const { state } = input;
    switch (claim.kind) {
        case 'trigger-gone': {
            const taken = state.building === sha7 || state.environments[sha7] !== undefined;
            return taken
                ? decide('nothing', 'claimed-by-another-run', `Another run already took the start request for ${sha7}.`)
                : decide('nothing', 'start-withdrawn', `The start request for ${sha7} was withdrawn before this run could take it (a stop, which wins over a start, or a person removed it).`);
        }
        case 'lock-held':
            return decide('nothing', 'already-in-progress', `${sha7} is already being deployed by ${claim.holder ?? 'another run'}.`);
        case 'locked': {
            // The first decision rested on labels read before the lock was ours: another run may have deployed, stopped
            // or superseded this SHA and released its lock in between (reliability tests: a late claim).
            const again = planner_plan({ ...input, claim: undefined });
            return again.targetSha !== claim.sha && again.buildNeeded
                ? decide('nothing', 'head-moved', again.message)
                : again;
        }
    }
}
function planEvent(input) {
    const { event } = input;
    switch (event.kind) {
        case 'closed':
            return planClosed(input.state);
        case 'schedule':
            return planSweep(input);
        case 'reopened':
            return decide('nothing', 'reopened', 'Reopening a PR starts nothing; add the start label to deploy it.');
        case 'synchronize':
            return planPush(input, event);
        default:
            return planRequest(input, event);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Repairs and merges: what a decision becomes on damaged labels, and several changes of one comment.
/**
 * A run that dies between the two writes of a label change (add the new labels, then remove the old ones) leaves
 * traces: two statuses for one SHA, two 🎯, a 🏗️ on an environment no longer being built. Reconfiguring cannot mend
 * them (with two 🎯 it even refuses: no single active environment), so a request that would reconfigure such an
 * environment deploys its SHA again instead: the claim rewrites its labels and the blue-green switch retires every
 * other environment and pointer. The image is already in the registry, so nothing is rebuilt. The SHA's lock still
 * keeps this away from a run that is in the middle of such a change right now (reliability tests: killed runs).
 */
function repairIfDamaged(decision, state) {
    const head = state.headSha;
    if (decision.action !== 'redeploy-config' || decision.targetSha === undefined)
        return decision;
    const sha7 = decision.targetSha.slice(0, 7);
    const env = state.environments[sha7];
    if (env === undefined || !head.startsWith(sha7))
        return decision;
    const statuses = env.labels.filter((label) => parseLabel(label).kind === 'status').length;
    const staleBuilding = env.labels.includes(buildingLabel(sha7)) && !DEPLOYING.has(env.status);
    const severalActive = state.problems.some((problem) => problem.code === 'several-active-pointers');
    if (statuses <= 1 && !staleBuilding && !severalActive)
        return decision;
    const live = Object.values(state.environments).some((other) => other.sha !== sha7 && (other.status === 'running' || DEPLOYING.has(other.status)));
    return {
        ...decision,
        action: live ? 'rolling-update' : 'create',
        targetSha: head,
        buildNeeded: true,
        reason: 'repair-interrupted-change',
        message: `The labels of ${sha7} were left half-written by an interrupted run, so ${sha7} is deployed again.`,
    };
}
function planner_withConfig(state, sha, config) {
    const env = state.environments[sha.slice(0, 7)];
    if (env === undefined)
        return state;
    return { ...state, environments: { ...state.environments, [env.sha]: { ...env, config } } };
}
/**
 * One comment may change the configuration several times (`enable A`, `debug on`): each decision already carries the
 * whole configuration so far, so only the last one per environment is deployed, consuming what all of them consumed.
 */
function planner_mergeConfigChanges(decisions) {
    const merged = [];
    for (const decision of decisions) {
        const earlier = merged.findIndex((other) => other.action === 'redeploy-config' && other.targetSha === decision.targetSha);
        if (decision.action !== 'redeploy-config' || earlier < 0) {
            merged.push(decision);
            continue;
        }
        const previous = merged[earlier];
        merged[earlier] = {
            ...decision,
            message: `${previous.message} ${decision.message}`,
            consume: [...new Set([...previous.consume, ...decision.consume])],
        };
    }
    return merged;
}
function readRequest(event, state) {
    switch (event.kind) {
        case 'labeled':
            return labelAdded(event.label, event.headSha, state);
        case 'unlabeled':
            return labelRemoved(event.label);
        case 'dispatch':
            return {
                request: {
                    kind: 'start',
                    sha: event.sha,
                    allowOtherCommit: 'pr-commit',
                    source: 'a workflow dispatch',
                },
                what: 'start an environment',
            };
        case 'command':
            return commandRequest(event.command);
    }
}
function labelAdded(label, headSha, state) {
    const start = (source) => ({
        request: { kind: 'start', sha: headSha, allowOtherCommit: 'pinned', source },
        added: label,
        what: 'start an environment',
    });
    switch (canonical(label)) {
        case TRIGGER_START:
            return start('the start label');
        case LEGACY_TRIGGER:
            return start(`the ${LEGACY_TRIGGER} label`);
        case TRIGGER_STOP:
            return { request: { kind: 'stop', reason: 'stop-requested' }, added: label, what: 'stop environments' };
        case FREEZE:
            return { request: { kind: 'freeze' }, added: label, what: 'freeze the environment' };
        case BLOCKED:
            return { request: { kind: 'block' }, added: label, what: 'block showtime' };
    }
    // state.ts owns the conf label grammar: a conf label is one it read as a pending change.
    if (state.pendingConfig.some((pending) => sameLabel(pending.label, label))) {
        return { request: { kind: 'configure' }, added: label, what: 'change the configuration' };
    }
    return decide('nothing', 'label-ignored', `The label ${inlineCode(label)} is not one showtime acts on.`);
}
function labelRemoved(label) {
    switch (canonical(label)) {
        case LEGACY_TRIGGER:
            return { request: { kind: 'stop', reason: 'legacy-trigger-removed' }, what: 'stop environments' };
        case FREEZE:
            return { request: { kind: 'unfreeze', command: false }, what: 'unfreeze the environment' };
        case BLOCKED:
            return { request: { kind: 'unblock' }, what: 'unblock showtime' };
    }
    // Runs consume trigger and conf labels by removing them; a removal is never a request.
    return decide('nothing', 'label-removed', `Removing the label ${inlineCode(label)} asks showtime for nothing.`);
}
function commandRequest(command) {
    switch (command.kind) {
        case 'start':
            return {
                request: { kind: 'start', sha: command.sha, allowOtherCommit: false, source: '/showtime start' },
                what: 'start an environment',
            };
        case 'stop':
            return { request: { kind: 'stop', reason: 'stop-requested' }, what: 'stop environments' };
        case 'freeze':
            return { request: { kind: 'freeze' }, what: 'freeze the environment' };
        case 'unfreeze':
            return { request: { kind: 'unfreeze', command: true }, what: 'unfreeze the environment' };
        case 'configure':
            return { request: { kind: 'configure', change: command.change }, what: 'change the configuration' };
        case 'extend':
            return {
                request: { kind: 'extend', ttl: command.ttl, reason: 'extend-requested' },
                what: 'extend the environment',
            };
        case 'keep-alive':
            return {
                request: { kind: 'extend', ttl: { kind: 'close' }, reason: 'keep-alive' },
                what: 'keep the environment alive',
            };
        case 'sleep':
            return { request: { kind: 'sleep' }, what: 'put the environment to sleep' };
        case 'wake':
            return { request: { kind: 'wake' }, what: 'wake the environment' };
        case 'status':
            return { request: { kind: 'status', reason: 'status-requested' }, what: 'ask for the status' };
        case 'help':
            return { request: { kind: 'status', reason: 'help-requested' }, what: 'ask for help' };
    }
}
function planRequest(input, event) {
    if (event.kind === 'unlabeled') {
        // State labels are maintainers' only: what a non-writer removed is put back (state-guard.ts).
        const restore = labelsToRestore(event.label, event.actor, input.state, isWriter);
        if (restore.length > 0) {
            return decide('refuse', 'state-label-restored', `${who(event.actor)} may not remove ${inlineCode(event.label)}${whyNot(event.actor)}, so it is put back.`, { restore });
        }
    }
    const read = readRequest(event, input.state);
    if ('action' in read)
        return read;
    if (!isWriter(event.actor)) {
        return decide('refuse', 'not-authorized', `${who(event.actor)} may not ${read.what}${whyNot(event.actor)}.`, {
            consume: read.added === undefined ? [] : [read.added],
        });
    }
    const { request } = read;
    const { state } = input;
    switch (request.kind) {
        case 'start':
            return planStart(input, request, event.actor, read.added);
        case 'stop':
            return planStop(state, request.reason, read.added);
        case 'freeze':
            return decide('freeze', 'freeze-requested', 'The environment is frozen: new commits will not be deployed.');
        case 'unfreeze':
            return planUnfreeze(input, request.command);
        case 'block':
            return decide('nothing', 'blocked', 'Showtime is blocked on this PR: environments can be stopped but not created, updated, configured or extended.');
        case 'unblock':
            return decide('nothing', 'unblocked', 'Showtime is unblocked on this PR; add the start label to deploy it.');
        case 'configure':
            return planConfigure(state, request.change);
        case 'extend':
            return planExtend(state, request.ttl, request.reason, input.now);
        case 'sleep':
            return planSleep(state);
        case 'wake':
            return planWake(state, 'wake-requested', []);
        case 'status':
            return decide('status', request.reason, request.reason === 'help-requested'
                ? 'Replying with the list of commands.'
                : `Replying with the state of PR #${state.number}.`);
    }
}
// ---------------------------------------------------------------------------------------------------------------
// Start.
function planStart(input, request, actor, added) {
    const { state } = input;
    if (state.triggers.stop)
        return planStop(state, 'stop-wins-over-start', added);
    const consume = state.triggers.start || sameLabel(added, TRIGGER_START) ? [TRIGGER_START] : [];
    if (!state.open) {
        return decide('refuse', 'pr-not-open', `PR #${state.number} is closed: reopen it to deploy it.`, {
            consume,
        });
    }
    if (state.blocked) {
        return decide('refuse', 'blocked', `Showtime is blocked on PR #${state.number}: no environment is started.`, {
            consume,
        });
    }
    const target = resolveTarget(request, state, input.commits);
    if (typeof target !== 'string')
        return { ...target, consume };
    const sha7 = shortSha(target);
    const existing = state.environments[sha7];
    // An approved commit that is no longer the head is still what was approved; the newer push plans itself.
    const pinned = target !== state.headSha;
    const note = pinned ? `, as pinned by ${request.source} (the head has since moved to ${head7(state)})` : '';
    const reasonFor = (reason) => (pinned ? 'pinned-sha-not-head' : reason);
    // Asleep at the very commit asked for: waking it is all a start needs (no build, no new environment).
    if (existing?.status === 'sleeping' && state.active === sha7 && !pinned)
        return planWake(state, 'wake-on-start', consume);
    if (existing?.status === 'running') {
        return redeploy(state, existing, reasonFor('redeploy-running-sha'), `Redeploying ${sha7} (already built) with the current configuration${note}.`, consume);
    }
    if (BUSY.has(existing?.status) && lockIsLive(input.lock, input.now)) {
        return decide('nothing', 'already-in-progress', `Environment ${sha7} is ${existing?.status} by a run that holds the lock until ${iso(input.lock?.expiresAt)}.`, { consume, targetSha: sha7 });
    }
    const others = Object.values(state.environments).filter((env) => env.sha !== sha7);
    const live = others.find((env) => env.status === 'running' || IN_PROGRESS.has(env.status));
    let reason;
    let message;
    if (existing !== undefined && BUSY.has(existing.status)) {
        reason = 'take-over-expired-lease';
        message = `Environment ${sha7} was left ${existing.status} without a live lock, so this run rebuilds it`;
    }
    else if (existing !== undefined) {
        reason = 'retry-failed-sha';
        message = `Environment ${sha7} is ${existing.status ?? 'in an unreadable state'}, so it is rebuilt`;
    }
    else if (live) {
        reason = 'replace-live';
        message = `Building ${sha7} to replace ${live.sha}, which serves until ${sha7} is healthy`;
    }
    else if (others.length > 0) {
        reason = 'replace-stale';
        message = `Building ${sha7} to replace ${others.map(describe).join(', ')}, none of which serves`;
    }
    else {
        reason = 'first-start';
        message = `Building and deploying ${sha7}, the first environment of PR #${state.number}`;
    }
    // Whether the PR keeps serving during the build decides the kind, whatever brought the build about.
    const action = live ? 'rolling-update' : 'create';
    if (action === 'create') {
        const refusal = quotaRefusal(input, actor.login);
        if (refusal)
            return { ...refusal, consume };
    }
    return build(state, action, target, reasonFor(reason), `${message}${note}.`, consume);
}
/** The full SHA to deploy, or a refusal naming the text that was given and the accepted form. */
function resolveTarget(request, state, commits) {
    const given = request.sha ?? state.headSha;
    const sha = parseSha(given);
    if (sha === undefined) {
        return decide('refuse', 'invalid-sha', `${inlineCode(given)} from ${request.source} is not a commit SHA: expected ${FORMS.sha}.`);
    }
    if (state.headSha.startsWith(sha))
        return state.headSha;
    const full = parseFullSha(sha);
    if (request.allowOtherCommit === 'pinned' && full)
        return full;
    if (request.allowOtherCommit === 'pr-commit') {
        if (full && commits?.includes(full))
            return full;
        // Nothing is claimed or written for a SHA that is not the PR's: the run fails with this message.
        return decide('refuse', 'sha-not-in-pr', `workflow_dispatch input 'sha' is ${sha}, which is not a commit of PR #${state.number}: expected its head (${state.headSha}) or the full 40-character SHA of one of its commits.`);
    }
    return decide('refuse', 'sha-not-head', `${sha} from ${request.source} is not the head of PR #${state.number} (${head7(state)}): approve the head, or push again.`);
}
function quotaRefusal(input, requester) {
    const { fleet, policy, state } = input;
    if (fleet === undefined)
        return undefined;
    const others = fleet.filter((entry) => entry.pr !== state.number);
    const holders = (entries) => entries
        .map((entry) => (entry.requester ? `#${entry.pr} (${entry.requester})` : `#${entry.pr}`))
        .join(', ');
    const max = policy.maxEnvironments;
    if (max !== undefined && others.length >= max) {
        return decide('refuse', 'quota-exceeded', `The repository already runs ${others.length} of at most ${max} environments (${holders(others)}): stop one first.`);
    }
    const perRequester = policy.maxEnvironmentsPerRequester;
    const mine = others.filter((entry) => entry.requester?.toLowerCase() === requester.toLowerCase());
    if (perRequester !== undefined && mine.length >= perRequester) {
        return decide('refuse', 'quota-exceeded', `@${requester} already holds ${mine.length} of at most ${perRequester} environments (${holders(mine)}): stop one first.`);
    }
    return undefined;
}
// ---------------------------------------------------------------------------------------------------------------
// Stop, close, freeze, configure, extend.
function planStop(state, reason, added) {
    const consume = pendingTriggers(state, added);
    const both = consume.length === 2;
    if (!hasAnything(state)) {
        return decide('nothing', 'nothing-to-stop', `PR #${state.number} has no environment to stop.`, {
            consume,
        });
    }
    return decide('stop', both ? 'stop-wins-over-start' : reason, both
        ? `Both the start and stop labels are on PR #${state.number}: stop wins, so its environments are torn down.`
        : `Tearing down the environments of PR #${state.number} (${listEnvironments(state)}).`, { consume });
}
function planClosed(state) {
    const consume = pendingTriggers(state, undefined);
    if (!hasAnything(state)) {
        return decide('nothing', 'nothing-to-stop', `PR #${state.number} was closed with no environment.`, {
            consume,
        });
    }
    return decide('stop', 'pr-closed', `PR #${state.number} was closed: tearing down ${listEnvironments(state)}.`, {
        consume,
    });
}
function planUnfreeze(input, command) {
    const { state } = input;
    const consume = command && state.frozen ? [FREEZE] : [];
    const head = head7(state);
    const active = state.active;
    if (!state.blocked && active !== undefined && active !== head && state.building !== head) {
        return build(state, 'rolling-update', state.headSha, 'unfrozen-behind-head', `Unfrozen: ${active} is behind the head, so ${head} is built to replace it.`, consume);
    }
    return decide('unfreeze', 'unfreeze-requested', 'Unfrozen: new commits will be deployed again.', {
        consume,
    });
}
function planConfigure(state, change) {
    if (state.blocked) {
        return decide('refuse', 'blocked', `Showtime is blocked on PR #${state.number}: the configuration is not changed.`);
    }
    const active = activeEnvironment(state);
    if (active?.status !== 'running') {
        return decide('nothing', 'config-pending', active === undefined
            ? 'No environment runs yet: the change is applied when one is created.'
            : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}: the change is applied by the next deployment.`);
    }
    return redeploy(state, active, 'config-changed', `Redeploying ${active.sha} with the new configuration (no rebuild).`, [], change);
}
function planExtend(state, ttl, reason, now) {
    if (state.blocked) {
        return decide('refuse', 'blocked', `Showtime is blocked on PR #${state.number}: the environment is not extended.`);
    }
    const sha7 = state.active ?? state.building;
    if (sha7 === undefined) {
        return decide('refuse', 'no-environment', `PR #${state.number} has no environment to extend.`);
    }
    // A TTL counts from the creation, so "N more hours from now" is written as the hours already lived plus N, rounded
    // up to the hour; past the limit the request is refused here, so the outputs and the comment say the same.
    const createdAt = state.environments[sha7]?.createdAt;
    let written = ttl;
    if (ttl.kind === 'duration' && createdAt !== undefined) {
        const lived = Math.max(0, Math.ceil((now.getTime() - createdAt.getTime()) / 3_600_000));
        if (lived + ttl.hours > MAX_TTL_HOURS) {
            return decide('refuse', 'ttl-over-limit', `An environment lives at most ${MAX_TTL_HOURS / 168} weeks from its creation; ${sha7} has lived ${lived}h, ` +
                `so ${describeTtl(ttl)} more is past it: use \`/showtime keep-alive\` to keep it until the PR closes.`, { targetSha: sha7 });
        }
        written = { kind: 'duration', hours: lived + ttl.hours };
    }
    const until = ttl.kind === 'duration'
        ? `for ${describeTtl(ttl)} from now`
        : `until ${ttl.kind === 'close' ? 'the PR closes' : 'someone stops it'}`;
    return decide('extend', reason, `Environment ${sha7} is kept ${until}.`, {
        targetSha: sha7,
        ttl,
        ttlWritten: written,
    });
}
// ---------------------------------------------------------------------------------------------------------------
// Sleep and wake (issue 17): a sleeping environment's service runs no task; its labels and TTL stay.
function planSleep(state) {
    const active = activeEnvironment(state);
    if (active?.status !== 'running') {
        return decide('nothing', 'nothing-to-sleep', active === undefined
            ? `PR #${state.number} has no environment to put to sleep.`
            : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}, not running: it is not put to sleep.`);
    }
    return decide('sleep', 'sleep-requested', `Environment ${active.sha} goes to sleep: nothing runs until \`/showtime wake\`.`, { targetSha: active.sha });
}
function planWake(state, reason, consume) {
    if (state.blocked) {
        return decide('refuse', 'blocked', `Showtime is blocked on PR #${state.number}: nothing is woken.`, {
            consume,
        });
    }
    const active = activeEnvironment(state);
    if (active?.status !== 'sleeping') {
        return decide('nothing', 'nothing-to-wake', active === undefined
            ? `PR #${state.number} has no environment to wake.`
            : `Environment ${active.sha} is ${active.status ?? 'in an unreadable state'}, not asleep.`, { consume });
    }
    return decide('wake', reason, `Waking ${active.sha}: its service starts a task again.`, {
        targetSha: active.sha,
        consume,
    });
}
// ---------------------------------------------------------------------------------------------------------------
// Push.
function planPush(input, event) {
    const { state } = input;
    if (state.blocked)
        return decide('nothing', 'blocked', `Showtime is blocked on PR #${state.number}: the push is not deployed.`);
    if (state.frozen) {
        return decide('nothing', 'frozen', `The environment of PR #${state.number} is frozen: the push is not deployed.`);
    }
    const target = resolveTarget({ kind: 'start', sha: event.headSha, allowOtherCommit: 'pinned', source: 'the push' }, state);
    if (typeof target !== 'string')
        return target;
    const sha7 = shortSha(target);
    const writer = isWriter(event.actor);
    const legacyCreate = !hasAnything(state) && state.triggers.legacyUp;
    if (!hasAnything(state) && !legacyCreate) {
        return decide('nothing', 'no-environment', `PR #${state.number} has no environment to update.`);
    }
    if (state.active === sha7)
        return decide('nothing', 'up-to-date', `Environment ${sha7} already serves the head.`);
    if (state.building === sha7 && lockIsLive(input.lock, input.now)) {
        return decide('nothing', 'already-in-progress', `Environment ${sha7} is already being deployed by another run.`, {
            targetSha: sha7,
        });
    }
    if (!writer) {
        const fork = event.fromFork ? ' from a fork' : '';
        return decide('await-approval', 'awaiting-approval', `${who(event.actor)} pushed ${sha7}${fork} without write permission; a maintainer deploys it with \`${approvalCommand(target)}\`.`, { targetSha: target, approval: { sha: target, ...(state.active ? { since: state.active } : {}) } });
    }
    if (legacyCreate) {
        const refusal = quotaRefusal(input, event.actor.login);
        if (refusal)
            return refusal;
        return build(state, 'create', target, 'legacy-trigger-present', `The ${LEGACY_TRIGGER} label is on the PR, so ${sha7} is built and deployed.`, []);
    }
    return build(state, 'rolling-update', target, 'new-commit', `Building ${sha7} to replace ${listEnvironments(state)}; the current environment serves until ${sha7} is healthy.`, []);
}
// ---------------------------------------------------------------------------------------------------------------
// The sweep.
function planSweep(input) {
    const { state, policy, now } = input;
    if (!state.open) {
        return hasAnything(state)
            ? decide('stop', 'leftover-closed-pr', `PR #${state.number} is closed but still has ${listEnvironments(state)}.`)
            : decide('nothing', 'nothing-to-do', `PR #${state.number} is closed and has nothing left.`);
    }
    const active = activeEnvironment(state);
    const deadline = active?.createdAt && ttlDeadline(active.ttl ?? policy.defaultTtl, active.createdAt);
    if (active && deadline && deadline.getTime() <= now.getTime()) {
        return decide('stop', 'ttl-expired', `Environment ${active.sha} expired at ${iso(deadline)}: tearing it down.`);
    }
    if (!lockIsLive(input.lock, now)) {
        // A teardown that failed leaves its environment `destroying`: the labels say a deletion is owed, and every sweep
        // retries it until AWS lets it through (deleting is idempotent, so meeting a stop still under way costs nothing).
        const owed = Object.values(state.environments).find((env) => env.status === 'destroying');
        if (owed) {
            return decide('stop', 'deletion-owed', `The teardown of ${owed.sha} did not finish: deleting what is left of it.`, { targetSha: owed.sha });
        }
        const leaseMs = policy.leaseMinutes * 60_000;
        const stuck = Object.values(state.environments).find((env) => BUSY.has(env.status) &&
            (env.createdAt === undefined || now.getTime() - env.createdAt.getTime() > leaseMs));
        if (stuck) {
            return decide('stop', 'lease-expired', `Environment ${stuck.sha} has been ${stuck.status} for over ${formatDuration(policy.leaseMinutes * 60_000)} with no run holding the lock.`, { targetSha: stuck.sha });
        }
    }
    if (active && deadline && deadline.getTime() - now.getTime() <= policy.expiryWarningMinutes * 60_000) {
        return decide('warn-expiry', 'expiry-warning', `Environment ${active.sha} expires at ${iso(deadline)}; \`/showtime extend\` or \`/showtime keep-alive\` keeps it.`, { targetSha: active.sha });
    }
    // The sleep schedule, once expiry has had its say: an environment about to expire is still warned about first.
    if (active?.status === 'running' && sleepIsDue(policy.sleepSchedule, now) && !lockIsLive(input.lock, now)) {
        return decide('sleep', 'sleep-scheduled', `Environment ${active.sha} goes to sleep by the schedule (${policy.sleepSchedule?.text ?? ''}); \`/showtime wake\` wakes it.`, { targetSha: active.sha });
    }
    return decide('nothing', 'nothing-to-do', `PR #${state.number} needs no cleanup.`);
}
// ---------------------------------------------------------------------------------------------------------------
// Helpers.
function decide(action, reason, message, extra = {}) {
    return { action, reason, message, buildNeeded: false, consume: [], ...extra };
}
/** A new image: create or rolling-update, with every pending conf change applied and its label consumed. */
function build(state, action, target, reason, message, consume) {
    const base = activeEnvironment(state)?.config ?? state.environments[shortSha(target)]?.config;
    return decide(action, reason, message, {
        targetSha: target,
        buildNeeded: true,
        consume: [...consume, ...state.pendingConfig.map((pending) => pending.label)],
        config: withPending(base, state),
    });
}
/** Same image, new deployment: the current config, every pending conf change, then the command's change. */
function redeploy(state, env, reason, message, consume, change) {
    const config = withPending(activeEnvironment(state)?.config ?? env.config, state);
    return decide('redeploy-config', reason, message, {
        targetSha: env.sha,
        consume: [...consume, ...state.pendingConfig.map((pending) => pending.label)],
        config: change === undefined ? config : applyChange(config, change),
    });
}
function withPending(base, state) {
    const start = base ? { ...base, flags: { ...base.flags } } : { flags: {}, debug: false };
    return state.pendingConfig.reduce((config, pending) => applyChange(config, pending.change), start);
}
function applyChange(config, change) {
    switch (change.kind) {
        case 'flag':
            return { ...config, flags: { ...config.flags, [change.flag]: change.enabled } };
        case 'debug':
            return { ...config, debug: change.enabled };
        case 'size':
            return { ...config, size: change.size };
    }
}
// GitHub compares label names case-insensitively, so a label differing only in case is the same label.
const OWN_LABELS = [labels_TRIGGER_START, labels_TRIGGER_STOP, labels_FREEZE, labels_BLOCKED, labels_LEGACY_TRIGGER];
function sameLabel(a, b) {
    return a !== undefined && a.toLowerCase() === b.toLowerCase();
}
/** The constant spelling of one of showtime's own labels, or the label as given. */
function canonical(label) {
    return OWN_LABELS.find((own) => sameLabel(label, own)) ?? label;
}
/** The start and stop triggers on the PR (or just added by the event), in that order. */
function pendingTriggers(state, added) {
    return [
        ...(state.triggers.start || sameLabel(added, TRIGGER_START) ? [TRIGGER_START] : []),
        ...(state.triggers.stop || sameLabel(added, TRIGGER_STOP) ? [TRIGGER_STOP] : []),
    ];
}
function activeEnvironment(state) {
    return state.active === undefined ? undefined : state.environments[state.active];
}
function hasAnything(state) {
    return (state.active !== undefined || state.building !== undefined || Object.keys(state.environments).length > 0);
}
function lockIsLive(lock, now) {
    return lock !== undefined && lock.expiresAt.getTime() > now.getTime();
}
function shortSha(sha) {
    return sha7Of(sha);
}
function head7(state) {
    return shortSha(state.headSha);
}
function describe(env) {
    return `${env.sha} (${env.status ?? 'unreadable'})`;
}
function listEnvironments(state) {
    const shas = new Set([...Object.keys(state.environments), state.active, state.building]);
    return [...shas]
        .filter((sha) => sha !== undefined)
        .map((sha) => {
        const env = state.environments[sha];
        return env ? describe(env) : sha;
    })
        .join(', ');
}
/** The actor and their access, named once: "none" is no permission, so it reads as "no access". */
function who(actor) {
    if (actor.permission === 'unknown')
        return `@${actor.login}`;
    return actor.permission === 'none'
        ? `@${actor.login} (no access)`
        : `@${actor.login} (${actor.permission})`;
}
function whyNot(actor) {
    return actor.permission === 'unknown'
        ? ': their permission could not be checked, and showtime fails closed'
        : ': showtime needs write, maintain or admin permission';
}
function iso(date) {
    return date ? formatTime(date) : 'an unknown time';
}

;// CONCATENATED MODULE: ./src/core/state.ts


const FORM_RANK = { 'sha-first': 2, 'emoji-first': 1, global: 0 };
/** Statuses in which a 🏗️ pointer is doing its job; used to pick one of several building pointers. */
const state_IN_PROGRESS = (/* unused pure expression or super */ null && (['building', 'built', 'deploying']));
function byPrecedence(a, b) {
    return FORM_RANK[b.parsed.form] - FORM_RANK[a.parsed.form] || compareCodeUnits(b.label, a.label);
}
function distinct(items) {
    return [...new Set(items)];
}
/** A comparable text of a field's value, so that equal values in different spellings (48h, 2d) do not conflict. */
function valueKey(parsed) {
    switch (parsed.kind) {
        case 'status':
            return parsed.status;
        case 'created':
            return formatLabelDate(parsed.createdAt);
        case 'address':
            return `${parsed.address.host}:${parsed.address.port}`;
        case 'ttl':
            return formatTtl(parsed.ttl);
        case 'requester':
            // Logins are case-insensitive at GitHub.
            return parsed.requester.toLowerCase();
        case 'config':
            return configTokens(parsed.config).join(',');
    }
}
const state_FIELD_NAMES = {
    status: 'status',
    created: 'creation time',
    address: 'address',
    ttl: 'TTL',
    requester: 'requester',
    config: 'configuration',
};
function conflict(sha, kind, labels, choice) {
    return {
        code: 'conflicting-values',
        labels,
        message: `environment ${sha} has contradicting ${state_FIELD_NAMES[kind]} labels (${labels.join(', ')}); ${choice}`,
    };
}
/** Merges the ⚙️ labels of one form; the label sorting last wins a contradiction. */
function mergeConfig(sightings) {
    const sorted = [...sightings].sort((a, b) => compareCodeUnits(a.label, b.label));
    const config = { flags: {}, debug: false };
    const flagSource = new Map();
    let sizeSource;
    const contradicting = new Set();
    for (const { label, parsed } of sorted) {
        if (parsed.kind !== 'config')
            continue;
        for (const [flag, enabled] of Object.entries(parsed.config.flags)) {
            const previous = flagSource.get(flag);
            if (previous !== undefined && config.flags[flag] !== enabled)
                contradicting.add(previous).add(label);
            config.flags[flag] = enabled;
            flagSource.set(flag, label);
        }
        if (parsed.config.size !== undefined) {
            if (sizeSource !== undefined && config.size !== parsed.config.size)
                contradicting.add(sizeSource).add(label);
            config.size = parsed.config.size;
            sizeSource = label;
        }
        config.debug ||= parsed.config.debug;
    }
    return { config, contradicting: [...contradicting] };
}
function state_buildEnvironment(sha, sightings, labels, problems) {
    const env = { sha, config: { flags: {}, debug: false }, labels };
    const ofKind = (kind) => sightings.filter((s) => s.parsed.kind === kind).sort(byPrecedence);
    for (const kind of ['status', 'created', 'address', 'ttl', 'requester']) {
        const candidates = ofKind(kind);
        const winner = candidates[0];
        if (winner === undefined)
            continue;
        if (distinct(candidates.map((c) => valueKey(c.parsed))).length > 1) {
            const labels = candidates.map((c) => c.label).sort(compareCodeUnits);
            problems.push(conflict(sha, kind, labels, `using "${winner.label}"`));
        }
        const parsed = winner.parsed;
        if (parsed.kind === 'status')
            env.status = parsed.status;
        else if (parsed.kind === 'created')
            env.createdAt = parsed.createdAt;
        else if (parsed.kind === 'address')
            env.address = parsed.address;
        else if (parsed.kind === 'ttl')
            env.ttl = parsed.ttl;
        else if (parsed.kind === 'requester')
            env.requester = parsed.requester;
    }
    const configs = ofKind('config');
    const newest = configs[0]?.parsed.form;
    if (newest !== undefined) {
        const byForm = (form) => configs.filter((c) => c.parsed.form === form);
        const merged = mergeConfig(byForm(newest));
        env.config = merged.config;
        if (merged.contradicting.length > 0) {
            const labels = merged.contradicting.sort(compareCodeUnits);
            problems.push(conflict(sha, 'config', labels, 'where they contradict, the label sorting last wins'));
        }
        const chosen = configTokens(merged.config).join(',');
        const older = distinct(configs.map((c) => c.parsed.form)).filter((form) => form !== newest);
        const disagreeing = older.filter((form) => configTokens(mergeConfig(byForm(form)).config).join(',') !== chosen);
        if (disagreeing.length > 0) {
            const concerned = configs.filter((c) => c.parsed.form === newest || disagreeing.includes(c.parsed.form));
            const labels = concerned.map((c) => c.label).sort(compareCodeUnits);
            problems.push(conflict(sha, 'config', labels, `using the ${newest} labels`));
        }
    }
    return env;
}
/** Picks among several pointers: the only one whose environment has one of `statuses`, if exactly one has. */
function choosePointer(pointers, environments, statuses) {
    const shas = distinct(pointers.map((p) => p.sha));
    if (shas.length <= 1)
        return shas[0];
    const fitting = shas.filter((sha) => {
        const status = environments[sha]?.status;
        return status !== undefined && statuses.includes(status);
    });
    return fitting.length === 1 ? fitting[0] : undefined;
}
/**
 * The head of a PR whose head was not read (a search result, a comment planned before its PR is read): no commit
 * has it, so nothing is ever taken for the head by mistake.
 */
const state_UNKNOWN_HEAD = '0'.repeat(40);
/** Reads a PR's labels into its showtime state. Never throws. */
function state_buildPrState(input) {
    const state = {
        number: input.number,
        headSha: input.headSha,
        open: input.open,
        ...(input.fromFork === undefined ? {} : { fromFork: input.fromFork }),
        environments: {},
        triggers: { start: false, stop: false, legacyUp: false },
        frozen: false,
        blocked: false,
        pendingConfig: [],
        legacyLabels: [],
        problems: [],
    };
    const malformed = [];
    const sightings = new Map();
    const globals = [];
    const active = [];
    const building = [];
    /** Which SHA each label belongs to, to list `Environment.labels` in the PR's own order. */
    const owner = new Map();
    const see = (sha, sighting) => {
        sightings.set(sha, [...(sightings.get(sha) ?? []), sighting]);
        owner.set(sighting.label, sha);
    };
    for (const label of input.labels) {
        const parsed = parseLabel(label);
        switch (parsed.kind) {
            case 'foreign':
            case 'tracked':
            case 'lock':
                break;
            case 'malformed':
                malformed.push({
                    code: 'malformed-label',
                    labels: [label],
                    message: `label "${label}": ${parsed.reason}`,
                });
                break;
            case 'trigger':
                state.triggers[parsed.trigger === 'legacy-up' ? 'legacyUp' : parsed.trigger] = true;
                break;
            case 'freeze':
                state.frozen = true;
                break;
            case 'blocked':
                state.blocked = true;
                break;
            case 'config-command':
                state.pendingConfig.push({ change: parsed.change, label });
                break;
            case 'pointer':
                (parsed.pointer === 'active' ? active : building).push({ sha: parsed.sha, label });
                owner.set(label, parsed.sha);
                break;
            default:
                if (parsed.form !== 'sha-first')
                    state.legacyLabels.push(label);
                if (parsed.sha === undefined)
                    globals.push({ label, parsed });
                else
                    see(parsed.sha, { label, parsed });
        }
    }
    state.problems.push(...malformed);
    const activeShas = distinct(active.map((p) => p.sha));
    if (globals.length > 0) {
        const [target] = activeShas;
        if (activeShas.length === 1 && target !== undefined) {
            for (const sighting of globals)
                see(target, sighting);
        }
        else {
            state.problems.push({
                code: 'legacy-without-active',
                labels: globals.map((g) => g.label),
                message: activeShas.length === 0
                    ? 'labels without a SHA need a 🎯 pointer to tell which environment they describe, and there is none'
                    : `labels without a SHA cannot be attached: ${activeShas.length} 🎯 pointers (${activeShas.join(', ')})`,
            });
        }
    }
    for (const sha of distinct([
        ...sightings.keys(),
        ...active.map((p) => p.sha),
        ...building.map((p) => p.sha),
    ])) {
        const labels = input.labels.filter((label) => owner.get(label) === sha);
        state.environments[sha] = state_buildEnvironment(sha, sightings.get(sha) ?? [], labels, state.problems);
    }
    for (const [pointers, code, statuses, name] of [
        [active, 'several-active-pointers', ['running'], 'active'],
        [building, 'several-building-pointers', state_IN_PROGRESS, 'building'],
    ]) {
        const chosen = choosePointer(pointers, state.environments, statuses);
        if (name === 'active')
            state.active = chosen;
        else
            state.building = chosen;
        const shas = distinct(pointers.map((p) => p.sha));
        if (shas.length > 1) {
            state.problems.push({
                code,
                labels: pointers.map((p) => p.label),
                message: `${shas.length} ${name} pointers (${shas.join(', ')}); ${chosen === undefined
                    ? `none chosen, since not exactly one environment is ${statuses.join(' or ')}`
                    : `using ${chosen}, the only one that is ${statuses.join(' or ')}`}`,
            });
        }
    }
    if (state.active === undefined)
        delete state.active;
    if (state.building === undefined)
        delete state.building;
    const pointed = new Set([...active, ...building].map((p) => p.sha));
    for (const pointer of [...active, ...building]) {
        if (state.environments[pointer.sha]?.status === undefined) {
            state.problems.push({
                code: 'pointer-without-status',
                labels: [pointer.label],
                message: `"${pointer.label}" points to ${pointer.sha}, which has no 🚦 status label`,
            });
        }
    }
    for (const env of Object.values(state.environments)) {
        // A `destroying` environment no pointer names is a teardown whose deletion is owed: retired, not lost.
        if (env.status === undefined || env.status === 'destroying' || pointed.has(env.sha))
            continue;
        const statusLabels = env.labels.filter((label) => parseLabel(label).kind === 'status');
        state.problems.push({
            code: 'status-without-pointer',
            labels: statusLabels,
            message: `environment ${env.sha} is ${env.status} but neither 🎯 nor 🏗️ points to it`,
        });
    }
    return state;
}
/**
 * Every showtime state label the PR carries (all environments with their pointers, legacy labels, including those
 * that could not be attached), to remove them all. Not included: triggers, 🧊/🔒 and conf-* labels that people set,
 * malformed labels (whatever they meant), and the 🎟️ index label, which PrState does not record.
 */
function allShowtimeLabels(state) {
    return distinct([...Object.values(state.environments).flatMap((env) => env.labels), ...state.legacyLabels]);
}
/**
 * What to add and remove to go from `current` to `desired`, comparing names case-insensitively as GitHub does.
 * Only state labels (isStateLabel: per-SHA fields in any form, pointers, the index label) are ever removed; labels
 * of other projects, triggers, 🧊/🔒, conf-* and malformed labels are left alone even when not desired.
 */
function labelChanges(current, desired) {
    const key = (name) => name.toLowerCase();
    const currentKeys = new Set(current.map(key));
    const desiredKeys = new Set(desired.map(key));
    const add = [...new Map(desired.filter((n) => !currentKeys.has(key(n))).map((n) => [key(n), n])).values()];
    const remove = [
        ...new Map(current.filter((n) => !desiredKeys.has(key(n)) && isStateLabel(n)).map((n) => [key(n), n])).values(),
    ];
    return { add, remove };
}

;// CONCATENATED MODULE: ./src/core/report.ts




/** Hidden marker that identifies the one status comment per PR, so it is edited in place. */
const report_STATUS_MARKER = '<!-- showtime:status -->';
/** One icon per status, shared by the status comment and the dashboard. */
const STATUS_ICON = {
    building: '🟡',
    built: '📦',
    deploying: '🚀',
    running: '🟢',
    updating: '🔄',
    configuring: '⚙️',
    destroying: '🧹',
    failed: '❌',
    sleeping: '💤',
};
/** Hours (one decimal) between two dates, never negative. */
function hoursBetween(from, to) {
    return Math.max(0, Math.round((to.getTime() - from.getTime()) / 360_000) / 10);
}
function describeConfig(config, defaultSize) {
    const parts = Object.entries(config.flags)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([flag, enabled]) => (enabled ? flag : `${flag} off`));
    if (config.debug)
        parts.push('debug');
    parts.push(config.size ?? defaultSize);
    return parts.join(', ');
}
function estimatedCost(env, view) {
    if (env.createdAt === undefined)
        return 0;
    const rate = view.costPerHour[env.config.size ?? view.defaultSize];
    return Math.round(hoursBetween(env.createdAt, view.now) * rate * 100) / 100;
}
/** The three things people most often need, one line each; `/showtime help` has the rest. */
const COMMANDS_HELP = [
    '- **Stop it:** `/showtime stop`',
    '- **Keep it longer:** `/showtime extend 48h` (48 hours from now, up to 4 weeks) or `/showtime keep-alive` (until the PR closes)',
    '- **Everything else:** `/showtime help`',
].join('\n');
/** The same lines after a failed deploy: nothing runs, so there is nothing to keep longer. */
const RETRY_HELP = [
    '- **Try again:** `/showtime start` · **clear the failure:** `/showtime stop`',
    '- **Everything else:** `/showtime help`',
].join('\n');
/** The same lines while the environment sleeps: how to wake it comes first. */
const WAKE_HELP = [
    '- **Wake it:** `/showtime wake` (about as long as a start without a build) · **stop it:** `/showtime stop`',
    '- **Everything else:** `/showtime help`',
].join('\n');
/** The same lines for a PR with no environment: there is nothing to stop or extend yet. */
const START_HELP = [
    '- **Start one:** `/showtime start` (a fork PR’s commit needs `/showtime start <full SHA>` from a maintainer)',
    '- **Everything else:** `/showtime help`',
].join('\n');
function money(usd) {
    return `$${usd.toFixed(2)}`;
}
/** The environment the comment is about: the one being built, else the active one, else the newest. */
function focusOf(state, envs) {
    const building = state.building ? state.environments[state.building] : undefined;
    const active = state.active ? state.environments[state.active] : undefined;
    const newest = [...envs].sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
    return building ?? active ?? newest;
}
function commitLink(view, sha7) {
    const full = view.state.headSha.startsWith(sha7) ? view.state.headSha : sha7;
    return view.repoUrl ? `[\`${sha7}\`](${view.repoUrl}/commit/${full})` : `\`${sha7}\``;
}
function urlOf(view, env) {
    return view.urls?.[env.sha] ?? (env.address ? addressUrl(env.address) : undefined);
}
/** A login shortened to fit a label (ending in …) is not a login, so it is not written as a mention. */
function person(login) {
    return login.endsWith('…') ? login : `@${login}`;
}
const HEADLINE = {
    building: 'building',
    built: 'built, deploying next',
    deploying: 'deploying',
    running: 'running',
    updating: 'updating',
    configuring: 'changing its configuration',
    destroying: 'being torn down',
    failed: 'failed',
    sleeping: 'asleep',
};
function headline(view, focus) {
    if (focus === undefined) {
        return view.approval
            ? `🔐 waiting for approval of \`${view.approval.sha.slice(0, 7)}\``
            : '⚪ no environment';
    }
    const status = focus.status ?? 'unknown';
    return `${STATUS_ICON[status] ?? '❓'} ${HEADLINE[status] ?? status} \`${focus.sha}\``;
}
function expiryLine(view, env) {
    const ttl = env.ttl ?? view.defaultTtl;
    if (ttl === undefined)
        return '';
    const deadline = env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
    if (ttl.kind !== 'duration')
        return ` · **expires:** never, it lives ${describeTtl(ttl)}`;
    if (deadline === undefined)
        return ` · **TTL:** ${describeTtl(ttl)}`;
    return ` · **expires:** ${formatTime(deadline)} (TTL ${describeTtl(ttl)})`;
}
function costLine(view, env) {
    if (env.status === 'failed')
        return 'nothing runs, so nothing is billed';
    if (env.status === 'sleeping')
        return 'asleep: nothing runs, so nothing is billed until it wakes';
    const rate = view.costPerHour[env.config.size ?? view.defaultSize];
    const ttl = env.ttl ?? view.defaultTtl;
    const deadline = ttl && env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
    if (deadline && env.createdAt) {
        const total = ((deadline.getTime() - env.createdAt.getTime()) / 3_600_000) * rate;
        return `${money(rate)}/hour · about ${money(total)} from creation to expiry`;
    }
    return `${money(rate)}/hour · about ${money(rate * 24)} a day, with no expiry`;
}
function environmentCard(view, env) {
    const lines = [];
    const url = urlOf(view, env);
    if (env.status === 'running' && url)
        lines.push(`### [🔗 Open the environment](${url})`, '', `<sub>${url}</sub>`, '');
    if (env.status === 'building' || env.status === 'built')
        lines.push('The image is being built; this comment changes when it is deployed.', '');
    const facts = [`- **Commit:** ${commitLink(view, env.sha)}`];
    const config = describeConfig(env.config, view.defaultSize);
    facts.push(env.requester
        ? `- **Requested by:** ${person(env.requester)} · **config:** ${config}`
        : `- **Config:** ${config}`);
    const created = env.createdAt ? formatTime(env.createdAt) : 'not recorded';
    facts.push(`- **Created:** ${created}${expiryLine(view, env)}`);
    facts.push(`- **Cost:** ${costLine(view, env)}`);
    const logs = [
        view.containerLogs?.[env.sha] ? `[container logs](${view.containerLogs[env.sha]})` : undefined,
        view.run ? `[run logs](${view.run.url})` : undefined,
    ].filter((link) => link !== undefined);
    if (logs.length > 0)
        facts.push(`- **Logs:** ${logs.join(' · ')}`);
    lines.push(...facts, '');
    return lines;
}
/** The other environments of the PR (the one still serving while a new one is built, leftovers), one line each. */
function otherLines(view, envs, focus) {
    return envs
        .filter((env) => env.sha !== focus.sha)
        .map((env) => {
        const status = env.status ?? 'unknown';
        const url = urlOf(view, env);
        const role = env.sha === view.state.active ? ' (active)' : '';
        const serving = env.status === 'running' && url
            ? env.sha === view.state.active && focus.sha === view.state.building
                ? ` keeps serving [${url}](${url}) until \`${focus.sha}\` is ready`
                : ` at [${url}](${url})`
            : '';
        return `- ${STATUS_ICON[status] ?? '❓'} ${commitLink(view, env.sha)} ${status}${role}${serving}`;
    });
}
function approvalSection(view, approval) {
    const review = view.repoUrl ? reviewLinks(view.repoUrl, approval) : `commit ${approval.sha.slice(0, 7)}`;
    return [
        `#### 🔐 \`${approval.sha.slice(0, 7)}\` waits for a maintainer's approval`,
        '',
        `A maintainer reviews ${review}, then approves exactly this commit by commenting:`,
        '',
        '```text',
        approvalCommand(approval.sha),
        '```',
        '',
    ];
}
/** The actor is named once: not again when the message already mentions them. */
function eventLine(event) {
    const icon = { done: '✅', refused: '⛔', failed: '❌', info: 'ℹ️' }[event.outcome];
    const named = event.actor !== undefined &&
        new RegExp(`@${escapeRegExp(event.actor)}(?![A-Za-z0-9-])`).test(event.message);
    const who = event.actor && !named ? ` (asked by @${event.actor})` : '';
    return `${icon} ${event.message}${who}`;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * What an extension did, in the words of the request. A ⌛ label counts from the creation (📅), in whole hours, so
 * `extend 72h` a few minutes after creation writes ⌛ 73h: the message says when that is and why the label differs.
 */
function report_describeExtension(sha7, asked, written, createdAt) {
    const deadline = createdAt ? ttlDeadline(written, createdAt) : undefined;
    if (asked.kind !== 'duration' || deadline === undefined || createdAt === undefined) {
        return `\`${sha7}\` now lives ${describeTtl(written)}.`;
    }
    const label = formatTtl(written) === formatTtl(asked)
        ? ''
        : ` Its ⌛ label reads ${formatTtl(written)}: a TTL counts from the creation (${formatTime(createdAt)}), in whole hours, rounded up.`;
    return `\`${sha7}\` now expires at ${formatTime(deadline)}, at least ${describeTtl(asked)} from now, as asked.${label}`;
}
function report_renderStatusComment(view) {
    const { state } = view;
    const envs = Object.values(state.environments).sort((a, b) => roleOrder(state, a) - roleOrder(state, b));
    const focus = focusOf(state, envs);
    const lines = [report_STATUS_MARKER, `## 🎪 Showtime · ${headline(view, focus)}`, ''];
    if (focus === undefined) {
        if (!view.approval)
            lines.push('No environment for this pull request.', '');
        if (view.run)
            lines.push(`- **Logs:** [run logs](${view.run.url})`, '');
    }
    else {
        lines.push(...environmentCard(view, focus));
        const others = otherLines(view, envs, focus);
        if (others.length > 0)
            lines.push(...others, '');
    }
    if (view.approval)
        lines.push(...approvalSection(view, view.approval));
    const modifiers = [
        state.frozen && '🧊 frozen: new commits are not deployed',
        state.blocked && '🔒 blocked',
    ];
    for (const modifier of modifiers)
        if (modifier)
            lines.push(`${modifier}  `);
    if (view.lastEvent)
        lines.push(eventLine(view.lastEvent));
    for (const detail of view.details ?? [])
        lines.push(`> ${detail}`);
    const help = focus === undefined
        ? START_HELP
        : focus.status === 'failed'
            ? RETRY_HELP
            : focus.status === 'sleeping'
                ? WAKE_HELP
                : COMMANDS_HELP;
    lines.push('', help, '', `<sub>Updated ${formatTime(view.now)}</sub>`, '');
    return lines.join('\n');
}
/** A command line that could not be read, with its accepted form (the message's own full stop is not doubled). */
function report_commandErrorLine(error) {
    return `${inlineCode(error.line)}: ${error.message.replace(/\.+$/, '')}. Accepted form: \`${error.usage}\``;
}
/** The short reply to `/showtime status` or `/showtime help`, mentioning the asker so they are notified. */
function report_renderReply(view) {
    const lines = [`@${view.asker}`];
    const record = view.statusCommentUrl
        ? `the [status comment](${view.statusCommentUrl})`
        : 'the status comment';
    if (view.status) {
        const envs = Object.values(view.state.environments).sort((a, b) => roleOrder(view.state, a) - roleOrder(view.state, b));
        if (envs.length === 0)
            lines.push('', 'This pull request has no environment.');
        else
            lines.push('', ...envs.map((env) => `- ${replyLine(view, env)}`));
        lines.push('', `Logs, cost and the commands are in ${record} (updated ${formatTime(view.now)}).`);
    }
    if (view.help) {
        lines.push('', '<details open><summary>showtime commands</summary>', '', view.usage, '', '</details>');
        if (!view.status)
            lines.push('', `This pull request's environment is in ${record}.`);
    }
    return `${lines.join('\n')}\n`;
}
function replyLine(view, env) {
    const status = env.status ?? 'unknown';
    const role = env.sha === view.state.active ? ' (active)' : env.sha === view.state.building ? ' (next)' : '';
    const url = view.urls?.[env.sha] ?? (env.address ? addressUrl(env.address) : undefined);
    const open = status === 'running' && url ? ` · [open it](${url})` : '';
    const ttl = env.ttl ?? view.defaultTtl;
    const deadline = ttl && env.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
    const expires = deadline ? ` · expires ${formatTime(deadline)}` : ttl ? ` · lives ${describeTtl(ttl)}` : '';
    return `${STATUS_ICON[status] ?? '❓'} \`${env.sha}\` ${status}${role}${open}${expires}`;
}
function roleOrder(state, env) {
    return env.sha === state.active ? 0 : env.sha === state.building ? 1 : 2;
}
/** The job summary of one run of the main action. */
function report_renderRunSummary(view) {
    const lines = [
        `## 🎪 Showtime · PR #${view.pr}`,
        '',
        '| action | SHA | reason | what happened |',
        '| --- | --- | --- | --- |',
    ];
    for (const decision of view.decisions) {
        lines.push(`| ${decision.action} | ${decision.targetSha ? `\`${decision.targetSha.slice(0, 7)}\`` : ''} | ${decision.reason} | ${decision.message.replace(/\|/g, '\\|')} |`);
    }
    lines.push('', `**Outcome:** ${view.outcome}`);
    if (view.url)
        lines.push('', `**Environment:** ${view.url}`);
    return `${lines.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/orchestrator/common.ts
// Small pieces every orchestration step uses: the outcome of one decision, label writes that honour the GitHub
// dry run, status changes, and the status comment.




const common_nothing = (reason, message) => ({
    action: 'nothing',
    buildNeeded: false,
    reason,
    message,
    consume: [],
});
function common_defaultConfig(deps) {
    return { flags: Object.fromEntries(deps.settings.defaultFlags.map((flag) => [flag, true])), debug: false };
}
async function common_consume(deps, session, labels) {
    const present = labels.filter((label) => session.has(label));
    if (present.length === 0)
        return;
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: would remove ${present.join(', ')}`);
        return;
    }
    await session.remove(present);
}
/** Writes labels unless GitHub is dry-run; the session mirror is only updated by real writes. */
async function common_relabel(deps, session, add, remove) {
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: would add [${add.join(', ')}] and remove [${remove.join(', ')}]`);
        return;
    }
    await session.replace(add, remove);
}
/**
 * Removes each label with its own call and returns the ones GitHub refused after the adapter's retries, so that one
 * refusal does not leave the others on the PR.
 */
async function common_removeEach(deps, session, names) {
    const missed = [];
    for (const name of new Set(names)) {
        if (!session.has(name))
            continue;
        try {
            await common_relabel(deps, session, [], [name]);
        }
        catch (error) {
            deps.log.warning(`could not remove ${name}: ${String(error)}`);
            missed.push(name);
        }
    }
    return missed;
}
function common_statusLabelsOf(env) {
    return (env?.labels ?? []).filter((label) => parseLabel(label).kind === 'status');
}
async function common_setStatus(deps, session, sha7, status) {
    const env = session.state().environments[sha7];
    const label = statusLabel(sha7, status);
    // Nothing is served at a failed environment's address, nor at one whose teardown is owed (its service is gone, or
    // scaled to zero): a 🌐 kept beside it would send people to an address where nothing answers (reliability tests:
    // the truth after a sweep).
    const address = status === 'failed' || status === 'destroying'
        ? (env?.labels ?? []).filter((name) => parseLabel(name).kind === 'address')
        : [];
    await common_relabel(deps, session, [label], [...common_statusLabelsOf(env).filter((name) => name !== label), ...address]);
}
/** `https://github.com/owner/repo`: the runner's server and repository, never anything the PR says. */
function common_repoUrlOf(deps) {
    const server = (deps.run.server ?? 'https://github.com').replace(/\/+$/, '');
    return `${server}/${deps.github.repo.owner}/${deps.github.repo.repo}`;
}
/** The container-logs page of each environment, when the task definition sends its logs to a log group. */
function containerLogsOf(deps, pr, shas) {
    const { region, logGroup, containerName } = deps.settings.aws;
    if (logGroup === undefined)
        return undefined;
    return Object.fromEntries(shas.map((sha7) => [
        sha7,
        containerLogsUrl({ region, logGroup, family: environmentNames(pr, sha7).family, containerName }),
    ]));
}
function common_environmentName(pr) {
    return `showtime-pr-${pr}`;
}
/**
 * Writes the one status comment; returns its id (for links to it, and for the next step of this run to pass back as
 * `verifiedId`), or undefined in a dry run or when it failed. `verifiedId`: the id an earlier step of this workflow
 * run got back from here (the plan record carries it), which spares listing the PR's comments; never an id from a
 * label or anything else a person can write.
 */
async function common_writeStatusComment(deps, session, last, verifiedId) {
    const state = session.state();
    const body = renderStatusComment({
        state,
        lastEvent: { message: last.message, actor: last.actor, outcome: last.outcome },
        urls: last.urls,
        run: deps.run.url ? { url: deps.run.url } : undefined,
        now: deps.clock(),
        defaultSize: deps.settings.policy.defaultSize,
        defaultTtl: deps.settings.policy.defaultTtl,
        costPerHour: deps.settings.costPerHour,
        details: last.details,
        repoUrl: common_repoUrlOf(deps),
        containerLogs: containerLogsOf(deps, session.number, Object.keys(state.environments)),
        approval: last.approval,
    });
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: status comment would read:\n${body}`);
        return undefined;
    }
    return deps.github
        .upsertComment(session.number, STATUS_MARKER, body, verifiedId)
        .then((written) => written.id)
        .catch((error) => {
        deps.log.warning(`could not update the status comment: ${String(error)}`);
        return undefined;
    });
}

;// CONCATENATED MODULE: ./src/orchestrator/claim.ts
// The claim: of several runs for one click or one push, exactly one builds and deploys a SHA. Its compare-and-swaps
// are the start trigger's removal and the SHA's lock label; what they met goes back to the planner.



function leaseFor(deps, now) {
    return new Date(now.getTime() + deps.settings.policy.leaseMinutes * 60_000);
}
/** The labels that describe a new environment while it is being built. */
function buildingLabels(sha7, requester, ttl, config, now) {
    return [
        TRACKED,
        statusLabel(sha7, 'building'),
        buildingLabel(sha7),
        createdLabel(sha7, now),
        ttlLabel(sha7, ttl),
        requesterLabel(sha7, shortenRequester(requester)),
        ...configLabels(sha7, config),
    ];
}
function lockName(pr, sha7) {
    return lockLabel(pr, sha7);
}
async function claim_claimDeploy(deps, session, planned, actor, replan) {
    let decision = planned;
    const sha = decision.targetSha;
    const sha7 = sha === undefined ? undefined : toSha7(sha);
    if (sha === undefined || sha7 === undefined) {
        // The planner gives every create and rolling update its commit (planner tests); this is a bug, not an input.
        throw new Error(`the planner decided ${decision.action} (${decision.reason}) without a commit to deploy`);
    }
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: would claim ${sha7} and write its building labels`);
        return { decision, claim: { sha, lock: lockName(session.number, sha7) } };
    }
    // The trigger label is the first compare-and-swap: of several runs for one click, one removes it.
    if (decision.consume.includes(TRIGGER_START)) {
        const removed = await session.remove([TRIGGER_START]);
        if (removed.length === 0) {
            // Gone already: another run of the same click took it, or a stop or a person removed it; the labels tell which.
            return { decision: replan(session.state(), { kind: 'trigger-gone', sha }) };
        }
    }
    const now = deps.clock();
    const lock = lockName(session.number, sha7);
    const result = await deps.github.acquireLock(lock, deps.run.holder, leaseFor(deps, now), now);
    if (!result.acquired) {
        return { decision: replan(session.state(), { kind: 'lock-held', sha, holder: result.holder }) };
    }
    // Decided again on the labels as they are now that the lock is ours (the planner's `locked` claim).
    const again = replan(await session.refresh(), { kind: 'locked', sha });
    if (again.targetSha !== sha || (again.action !== 'create' && again.action !== 'rolling-update')) {
        await deps.github.releaseLock(lock, deps.run.holder).catch((error) => {
            deps.log.warning(`could not release ${lock}; it expires on its own: ${String(error)}`);
        });
        return { decision: again };
    }
    decision = again;
    const state = session.state();
    const current = state.environments[sha7];
    const previousConfig = state.active ? state.environments[state.active]?.config : undefined;
    const config = decision.config ?? previousConfig ?? defaultConfig(deps);
    const ttl = state.active
        ? (state.environments[state.active]?.ttl ?? deps.settings.policy.defaultTtl)
        : deps.settings.policy.defaultTtl;
    const requester = decision.action === 'rolling-update'
        ? (state.environments[state.active ?? '']?.requester ?? actor.login)
        : actor.login;
    const fresh = buildingLabels(sha7, requester, ttl, config, now);
    // A newer SHA supersedes whatever was building: its run sees the pointer moved and retires itself.
    const stale = [
        ...(state.building && state.building !== sha7 ? [buildingLabel(state.building)] : []),
        ...(current?.labels.filter((label) => !fresh.includes(label)) ?? []),
        ...decision.consume.filter((label) => label !== TRIGGER_START),
    ];
    await session.replace(fresh, stale);
    // The lease as granted: the run step releases a lock far from its expiry without reading it first (no other run
    // can have taken over a lease that has not expired).
    return { decision, claim: { sha, lock, leaseExpiresAt: result.expiresAt?.toISOString() } };
}

;// CONCATENATED MODULE: ./src/orchestrator/session.ts
// One PR's labels as this run last saw them. Every write returns or implies the new label set, so the run keeps a
// mirror instead of re-reading after each write; it re-reads (refresh) only where another writer matters: before
// the points of no return of a deploy.

const same = (a, b) => a.toLowerCase() === b.toLowerCase();
class session_PrSession {
    github;
    pull;
    constructor(github, pull) {
        this.github = github;
        this.pull = pull;
    }
    static async open(github, pr) {
        return new session_PrSession(github, await github.getPullRequest(pr));
    }
    /**
     * A session on labels this workflow run read a moment ago (the plan step's, carried by the plan record), for a run
     * whose first use of the labels re-reads them anyway.
     */
    static resume(github, snapshot) {
        return new session_PrSession(github, {
            ...snapshot,
            labels: [...snapshot.labels],
            createdAt: new Date(snapshot.createdAt),
        });
    }
    /** What resume() takes, as JSON carries it. */
    snapshot() {
        return { ...this.pull, labels: [...this.pull.labels], createdAt: this.pull.createdAt.toISOString() };
    }
    get number() {
        return this.pull.number;
    }
    get pullRequest() {
        return this.pull;
    }
    get labels() {
        return this.pull.labels;
    }
    state() {
        return buildPrState({
            number: this.pull.number,
            headSha: this.pull.headSha,
            open: this.pull.open,
            fromFork: this.pull.fromFork,
            labels: [...this.pull.labels],
        });
    }
    has(name) {
        return this.pull.labels.some((label) => same(label, name));
    }
    async refresh() {
        this.pull = await this.github.getPullRequest(this.pull.number);
        return this.state();
    }
    /** Adds every missing label in one call. */
    async add(names) {
        const missing = [...new Set(names)].filter((name) => !this.has(name));
        if (missing.length === 0)
            return;
        const after = await this.github.addLabels(this.pull.number, missing);
        this.pull = { ...this.pull, labels: after ?? [...this.pull.labels, ...missing] };
    }
    /**
     * Removes labels one by one (GitHub has no batch removal; PUT would drop labels people add meanwhile). Returns the
     * names this call removed: for a trigger label, that is the compare-and-swap outcome.
     */
    async remove(names) {
        const removed = [];
        for (const name of new Set(names)) {
            if (await this.github.removeLabel(this.pull.number, name))
                removed.push(name);
            this.pull = { ...this.pull, labels: this.pull.labels.filter((label) => !same(label, name)) };
        }
        return removed;
    }
    /**
     * Deletes the repository's definition of a label, which takes it off this PR too (and off every other issue: the
     * caller has read that nothing else carries it). Returns whether the definition was there.
     */
    async deleteDefinition(name) {
        const deleted = await this.github.deleteRepoLabel(name);
        this.pull = { ...this.pull, labels: this.pull.labels.filter((label) => !same(label, name)) };
        return deleted;
    }
    /** Adds `add` first, then removes `remove` minus what was added, so the PR never shows an empty state between. */
    async replace(add, remove) {
        await this.add(add);
        await this.remove(remove.filter((name) => !add.some((added) => same(added, name)) && this.has(name)));
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/plan-step.ts
// The plan step: reads the event, decides, and for a create or rolling update claims the work. Events that cannot
// concern the action cost no API call at all (core/intake.ts).













async function actorOf(deps, login) {
    try {
        return { login, permission: await deps.github.getPermission(login) };
    }
    catch (error) {
        // Fail closed: a permission we cannot read is no permission.
        deps.log.warning(`could not read the permission of @${login}, denying: ${String(error)}`);
        return { login, permission: 'unknown' };
    }
}
/** Every environment of the repository, for quotas: one label search, no call per PR. */
async function readFleet(deps) {
    // A partial answer undercounts the fleet, so a quota may let one more start through: it never destroys anything.
    const { pulls, incomplete } = await deps.github.searchPullRequests({ labels: [TRACKED], state: 'open' });
    if (incomplete)
        deps.log.warning('GitHub search returned partial results: the quota count may be low.');
    return pulls.flatMap((pull) => {
        const state = buildPrState({
            number: pull.number,
            headSha: UNKNOWN_HEAD,
            open: pull.open,
            labels: pull.labels,
        });
        return Object.values(state.environments)
            .filter((env) => env.status !== 'failed')
            .map((env) => ({ pr: pull.number, sha: env.sha, requester: env.requester }));
    });
}
/**
 * The plan step. Reads the event, decides, and for a create or rolling update claims the work: consumes the trigger
 * label (only one run's DELETE succeeds), takes the SHA's lock (only one run's POST /labels succeeds) and writes the
 * building labels in one call. Events that cannot concern the action cost no API call at all.
 */
async function plan_step_planStep(deps, eventName, payload) {
    const facts = parsePayload(eventName, payload);
    const commands = facts.kind === 'comment' ? parseCommands(facts.body) : { commands: [], errors: [] };
    const unread = answerUnread(facts, commands);
    if (unread !== undefined)
        return record([unread], 'pr' in facts ? { pr: facts.pr } : {});
    if (facts.kind === 'ignored' || facts.kind === 'schedule')
        throw new Error('intake answers every such event');
    const guarded = isGuardedRemoval(facts);
    // Refusals are cheap: anyone on GitHub can comment, so a non-writer's comment costs the permission check and
    // nothing else: no PR read, no reaction, no reply, and none of their text is echoed anywhere.
    const commenter = facts.kind === 'comment' ? await actorOf(deps, facts.sender) : undefined;
    if (facts.kind === 'comment' && commenter && !isWriter(commenter)) {
        return refusedComment(deps, facts, commenter, commands);
    }
    const session = await PrSession.open(deps.github, facts.pr);
    // A removed 📅 is put back as it was by the planner (a fresh one would reset the TTL), so not written here.
    const undated = guarded ? [] : missingCreated(session.state(), deps.clock());
    if (undated.length > 0 && !deps.settings.dryRun.github) {
        // An active environment with no 📅 would never expire: it counts as created now, the first time it is seen so.
        await session.add(undated);
    }
    let state = session.state();
    const read = answerRead(facts, state);
    if (read !== undefined)
        return record([read], { pr: facts.pr });
    if (facts.kind === 'comment') {
        await deps.github.reactToComment(facts.commentId, 'eyes').catch((error) => {
            deps.log.warning(`could not react to comment ${facts.commentId}: ${String(error)}`);
        });
    }
    // Closing needs no permission: tearing down is always safe. Everything else is checked, and a failed check denies.
    const actor = facts.kind === 'closed'
        ? { login: facts.sender, permission: 'unknown' }
        : (commenter ?? (await actorOf(deps, facts.sender)));
    const now = deps.clock();
    const events = eventsOf(facts, actor, commands);
    // A dispatch may name an older commit of the PR: only the PR's own commits are candidates (one more read).
    const commits = facts.kind === 'dispatch' && facts.sha?.length === 40 && facts.sha !== session.pullRequest.headSha
        ? await deps.github.listPullRequestCommits(facts.pr)
        : undefined;
    // The SHA's lock is not read here (no `lock` for the planner): claiming it is the check. A live lease refuses the
    // claim and an expired one is taken over, so the planner treats an in-progress SHA as claimable and the lock decides.
    const decisions = [];
    let claim;
    for (const event of events) {
        const input = { event, state, policy: deps.settings.policy, now, commits };
        // Every decision of this event, first or re-made on fresher facts, is the planner's (repairs and approval included).
        const decideOn = (given) => plan(given);
        let decision = decideOn(input);
        if (decision.reason === 'sha-not-in-pr') {
            // The dispatch names a commit that is not the PR's: nothing is claimed or written, the run fails saying why.
            throw new Error(decision.message);
        }
        if (decision.action === 'create' && hasQuota(deps)) {
            // Only a create can be refused by a quota, so only then is the fleet worth a search.
            decision = decideOn({ ...input, fleet: await readFleet(deps) });
        }
        if (decision.reason === 'config-pending' &&
            event.kind === 'command' &&
            event.command.kind === 'configure' &&
            !deps.settings.dryRun.github) {
            // A command has no label to stay pending on: record it as one, so the next deploy applies it.
            await session.add([configCommandLabel(event.command.change)]);
            state = session.state();
        }
        if ((decision.action === 'create' || decision.action === 'rolling-update') && claim === undefined) {
            const replan = (fresh, outcome) => decideOn({ ...input, state: fresh, claim: outcome });
            const planned = decision;
            const claimed = await phase(deps.log, `Claim ${planned.targetSha?.slice(0, 7) ?? ''}`, () => claimDeploy(deps, session, planned, actor, replan));
            if (claimed.claim)
                claim = claimed.claim;
            decision = claimed.decision;
            state = session.state();
        }
        if (decision.action === 'redeploy-config' && decision.config && decision.targetSha) {
            // Later commands of the same comment build on this configuration, not on the one the labels still show.
            state = withConfig(state, decision.targetSha, decision.config);
        }
        decisions.push(decision);
    }
    const unreadable = answerUnreadable(events, commands);
    if (unreadable !== undefined)
        decisions.push(unreadable);
    const building = decisions.find((decision) => claim !== undefined && decision.targetSha === claim.sha);
    let statusCommentId;
    if (building) {
        // Builds take minutes: the PR shows the claim at once, with the run's logs, rather than when the run ends.
        statusCommentId = await writeStatusComment(deps, session, {
            message: building.message,
            outcome: 'info',
            actor: actor.login,
            details: [],
        });
    }
    return record(mergeConfigChanges(decisions), {
        pr: facts.pr,
        actor,
        commentId: facts.kind === 'comment' ? facts.commentId : undefined,
        commandErrors: commands.errors,
        claim,
        statusCommentId,
        pull: claim === undefined ? undefined : session.snapshot(),
    });
}
/**
 * A non-writer's comment, decided on who wrote it alone: the planner refuses every request of a non-writer before it
 * looks at the PR, so the labels it is given here are none. The record carries no comment id (no reaction) and no
 * command errors (their text is not echoed).
 */
function refusedComment(deps, facts, actor, commands) {
    const unread = buildPrState({ number: facts.pr, headSha: UNKNOWN_HEAD, open: true, labels: [] });
    const now = deps.clock();
    const decisions = eventsOf(facts, actor, commands).map((event) => plan({ event, state: unread, policy: deps.settings.policy, now }));
    if (decisions.length === 0) {
        decisions.push(nothing('not-authorized', `@${actor.login} has no write permission; the comment is ignored.`));
    }
    return record(decisions, { pr: facts.pr, actor });
}
function hasQuota(deps) {
    const policy = deps.settings.policy;
    return policy.maxEnvironments !== undefined || policy.maxEnvironmentsPerRequester !== undefined;
}

;// CONCATENATED MODULE: ./src/orchestrator/routing.ts
// Load-balancer mode's steps of a deploy and a teardown (issue 17): each PR answers at `pr-<N>.<domain>` through a
// listener rule, each environment has its own target group. A new environment is reached through the load balancer
// at its own host first; only when that answers does one ModifyRule move the PR's host to it.




/** The router and its settings, when the run is in load-balancer mode. */
function routing_balancerOf(deps) {
    const balancer = deps.settings.aws.loadBalancer;
    return deps.router && balancer ? { router: deps.router, balancer } : undefined;
}
/**
 * What the PR's 🌐 label, comment and deployment show for an environment whose task answers at `task`: the PR's
 * stable host in load-balancer mode (a new task does not change it), else the task's own address.
 */
function routing_shownAddress(deps, pr, task) {
    const mode = routing_balancerOf(deps);
    return mode ? { host: prHost(pr, mode.balancer.domain), port: HTTPS_PORT } : task;
}
/**
 * The environment's target group, with the rule of its own host forwarding to it: ECS creates a service with a
 * load balancer only on a target group that a load balancer already uses (CreateService refuses one that none does).
 */
async function routing_prepareTargetGroup(router, environment) {
    const targetGroupArn = await router.ensureTargetGroup(environment);
    await router.route({ pr: environment.pr, sha7: environment.sha7 }, targetGroupArn);
    return targetGroupArn;
}
/**
 * Waits until the load balancer reports a healthy target of the environment's group (its own host routes there since
 * prepareTargetGroup), then sends the action's health check through the load balancer to that host. Throws what
 * failed, in words.
 */
async function routing_checkThroughBalancer(deps, router, balancer, environment) {
    const { pr, sha7, targetGroupArn } = environment;
    const aws = deps.settings.aws;
    const interval = Math.min(2_000, aws.pollIntervalMs);
    const targets = await waitForHealthyTarget(router, targetGroupArn, {
        budgetMs: aws.healthTimeoutMs,
        intervalMs: interval,
    });
    if (!targets.healthy) {
        throw new Error(`the load balancer reports no healthy target for ${sha7} after ${targets.attempts} checks (last: ${targets.last})`);
    }
    const host = environmentHost(pr, sha7, balancer.domain);
    const url = `${balancer.checkAddress ?? `https://${host}`}${aws.healthCheckPath}`;
    const result = await router.checkThrough(host, url, {
        budgetMs: aws.healthTimeoutMs,
        intervalMs: interval,
        requestTimeoutMs: 10_000,
    });
    if (!result.healthy) {
        throw new Error(`health check of ${host}${aws.healthCheckPath} through the load balancer failed after ${result.attempts} attempts (last: ${result.lastProblem ?? 'unknown'})`);
    }
    deps.log.info(`${sha7} answers through the load balancer at ${host}`);
}
/**
 * The PR's host, when it still routes to `sha7` (a run that died between the switch and its labels leaves it so):
 * to the environment the labels make active, or nowhere when there is none; ELB would refuse to delete a target group
 * a rule forwards to, and the teardown would be retried for ever.
 */
async function rerouteFrom(router, pr, sha7, active) {
    const rule = await router.ruleOf({ pr });
    if (!rule || rule.routesTo !== sha7)
        return;
    const to = active !== undefined && active !== sha7 ? await router.targetGroupOf(pr, active) : undefined;
    if (to)
        await router.route({ pr }, to);
    else
        await router.deleteRule(rule);
}
/**
 * Takes an environment out of the load balancer: its own host's rule and its target group (unless `keepTargetGroup`:
 * requests still draining after a switch), after moving the PR's host off it (rerouteFrom). Returns what could not
 * be removed, as lines for the PR; the next teardown or the sweep retries.
 */
async function routing_releaseRouting(deps, pr, sha7, options = {}) {
    const mode = routing_balancerOf(deps);
    if (!mode)
        return [];
    const problems = [];
    await rerouteFrom(mode.router, pr, sha7, options.active).catch((error) => {
        problems.push(`Could not move PR #${pr}'s host off ${sha7}: ${messageOf(error)}`);
    });
    await mode.router.removeRoute({ pr, sha7 }).catch((error) => {
        problems.push(`Could not delete the listener rule of ${sha7}: ${messageOf(error)}`);
    });
    if (options.keepTargetGroup)
        return problems;
    await mode.router.removeTargetGroup(pr, sha7).catch((error) => {
        problems.push(`Could not delete the target group of ${sha7}: ${messageOf(error)}`);
    });
    return problems;
}

;// CONCATENATED MODULE: ./src/orchestrator/controls.ts




async function controls_reconfigure(deps, session, decision) {
    const state = session.state();
    const sha7 = decision.targetSha?.slice(0, 7) ?? state.active;
    const env = sha7 ? state.environments[sha7] : undefined;
    if (sha7 === undefined || env === undefined || decision.config === undefined) {
        return { outcome: 'refused', failed: false, message: 'No running environment to configure.' };
    }
    await consume(deps, session, decision.consume);
    let running;
    try {
        await setStatus(deps, session, sha7, 'configuring');
        running = await deps.ecs.updateConfiguration({
            pr: session.number,
            sha: sha7,
            config: decision.config,
            size: decision.config.size ?? deps.settings.policy.defaultSize,
        });
    }
    catch (error) {
        // ECS still runs the previous configuration: the labels must say `running` again, and only that.
        const left = await settleStatus(deps, session, sha7, 'running');
        return {
            outcome: 'failed',
            failed: true,
            message: `Changing the configuration of \`${sha7}\` failed; the previous configuration keeps running.`,
            details: [error instanceof Error ? error.message : String(error), ...left],
        };
    }
    // From here the new configuration serves: a label write that fails now is reported, never turned into a failure
    // of a change that took effect.
    const address = shownAddress(deps, session.number, running.address);
    const next = [...configLabels(sha7, decision.config), addressLabel(sha7, address)];
    const stale = env.labels.filter((label) => {
        const kind = parseLabel(label).kind;
        return (kind === 'config' || kind === 'address') && !next.includes(label);
    });
    const left = await finishLabels(deps, session, sha7, next, stale);
    return {
        outcome: 'done',
        failed: false,
        message: `Configuration of \`${sha7}\` updated.`,
        url: addressUrl(address),
        details: left,
    };
}
/**
 * Puts `status` (and `along`, in the same call) on the SHA and takes every other status label off, each removal on its
 * own and retried once, so that one refused call never leaves two statuses. Returns what could not be done.
 */
async function settleStatus(deps, session, sha7, status, along = []) {
    const label = statusLabel(sha7, status);
    try {
        await relabel(deps, session, [...along, label], []);
    }
    catch (error) {
        // Without the new status on, removing the old one would leave none: keep what is there and say so.
        return [`could not mark ${sha7} ${status}: ${String(error)}`];
    }
    const others = () => statusLabelsOf(session.state().environments[sha7]).filter((name) => name !== label);
    let missed = await removeEach(deps, session, others());
    if (missed.length > 0)
        missed = await removeEach(deps, session, missed);
    return missed.map((name) => `could not remove ${name}; the next event or the cleanup sweep removes it`);
}
/** The new configuration's labels on, then `running` and only that, then the stale config and address labels off. */
async function finishLabels(deps, session, sha7, next, stale) {
    const problems = await settleStatus(deps, session, sha7, 'running', next);
    // The old configuration's labels are the only record of it until the new ones are on.
    const written = next.every((label) => session.has(label));
    let missed = written ? await removeEach(deps, session, stale) : [];
    if (missed.length > 0)
        missed = await removeEach(deps, session, missed);
    problems.push(...missed.map((name) => `could not remove ${name}`));
    for (const problem of problems)
        deps.log.warning(problem);
    return problems;
}
/** `extend` writes the ⌛ the planner worked out (it counts from the creation, and the planner checked the limit). */
async function controls_extend(deps, session, decision) {
    const target = targetOf(session, decision);
    const written = decision.ttlWritten ?? decision.ttl;
    if (target === undefined || decision.ttl === undefined || written === undefined) {
        return { outcome: 'refused', failed: false, message: 'No environment to extend.' };
    }
    const { sha7, env } = target;
    const label = ttlLabel(sha7, written);
    const old = env.labels.filter((name) => parseLabel(name).kind === 'ttl' && name !== label);
    await relabel(deps, session, [label], old);
    return {
        outcome: 'done',
        failed: false,
        message: describeExtension(sha7, decision.ttl, written, env.createdAt),
    };
}
async function controls_setFrozen(deps, session, decision) {
    const freeze = decision.action === 'freeze';
    if (freeze && !session.has(FREEZE))
        await relabel(deps, session, [FREEZE], []);
    if (!freeze && session.has(FREEZE))
        await relabel(deps, session, [], [FREEZE]);
    return { outcome: 'done', failed: false, message: decision.message };
}
/** The environment the decision names, as the labels describe it now. */
function targetOf(session, decision) {
    const sha7 = decision.targetSha?.slice(0, 7);
    const env = sha7 === undefined ? undefined : session.state().environments[sha7];
    return sha7 === undefined || env === undefined ? undefined : { sha7, env };
}
/**
 * Puts the environment to sleep: its service scales to zero, then the labels say `sleeping`. In public-IP mode its
 * 🌐 goes too (the task's IP is released; a wake gets another); a load balancer's host stays the PR's.
 */
async function controls_sleep(deps, session, decision) {
    const target = targetOf(session, decision);
    if (!target)
        return { outcome: 'refused', failed: false, message: 'No running environment to put to sleep.' };
    const { sha7, env } = target;
    await consume(deps, session, decision.consume);
    try {
        await deps.ecs.sleepEnvironment(session.number, sha7);
    }
    catch (error) {
        return {
            outcome: 'failed',
            failed: true,
            message: `Putting \`${sha7}\` to sleep failed; it keeps running.`,
            details: [error instanceof Error ? error.message : String(error)],
        };
    }
    const left = await settleStatus(deps, session, sha7, 'sleeping');
    const address = balancerOf(deps) ? [] : env.labels.filter((label) => parseLabel(label).kind === 'address');
    const missed = await removeEach(deps, session, address.filter((label) => session.has(label)));
    left.push(...missed.map((name) => `could not remove ${name}`));
    for (const problem of left)
        deps.log.warning(problem);
    return {
        outcome: 'done',
        failed: false,
        message: `\`${sha7}\` is asleep: nothing runs and nothing is billed until \`/showtime wake\`.`,
        details: left,
    };
}
/** Wakes a sleeping environment: one task again, healthy, at its (in public-IP mode new) address. */
async function controls_wake(deps, session, decision) {
    const target = targetOf(session, decision);
    if (!target)
        return { outcome: 'refused', failed: false, message: 'No sleeping environment to wake.' };
    const { sha7, env } = target;
    await consume(deps, session, decision.consume);
    let running;
    try {
        running = await deps.ecs.wakeEnvironment(session.number, sha7);
    }
    catch (error) {
        // Scaled up or not, it did not come up healthy: the labels keep saying what the PR can count on.
        await deps.ecs.sleepEnvironment(session.number, sha7).catch(() => undefined);
        return {
            outcome: 'failed',
            failed: true,
            message: `Waking \`${sha7}\` failed; it stays asleep. \`/showtime start\` redeploys it.`,
            details: [error instanceof Error ? error.message : String(error)],
        };
    }
    const address = shownAddress(deps, session.number, running.address);
    const next = addressLabel(sha7, address);
    const stale = env.labels.filter((label) => parseLabel(label).kind === 'address' && label !== next);
    const left = await finishLabels(deps, session, sha7, [next], stale);
    return {
        outcome: 'done',
        failed: false,
        message: `\`${sha7}\` is awake: ${addressUrl(address)}`,
        url: addressUrl(address),
        details: left,
    };
}

;// CONCATENATED MODULE: ./src/orchestrator/deployments.ts

/**
 * ONE request: the deployment, with no `in_progress` status (nobody reads it; the status comment says building). Not
 * transient: GitHub's auto_inactive then marks the previous deployment of the PR's environment inactive when this
 * one succeeds, so a rolling update writes no inactive status of its own.
 */
async function deployments_startDeployment(deps, pr, sha) {
    if (deps.settings.dryRun.github)
        return undefined;
    try {
        const deployment = await deps.github.createDeployment({
            ref: sha,
            environment: environmentName(pr),
            description: `showtime environment for PR #${pr} at ${sha.slice(0, 7)}`,
            transient: false,
        });
        return deployment.id;
    }
    catch (error) {
        // A deployment record is a courtesy: without one the environment still works.
        deps.log.warning(`could not create a GitHub deployment: ${String(error)}`);
        return undefined;
    }
}
async function deployments_finishDeployment(deps, id, state, environmentUrl) {
    if (id === undefined)
        return;
    await deps.github
        .createDeploymentStatus(id, { state, environmentUrl, logUrl: deps.run.url })
        .catch((error) => deps.log.warning(`could not update deployment ${id}: ${String(error)}`));
}
async function deployments_deactivateDeployments(deps, pr, sha7) {
    if (deps.settings.dryRun.github)
        return;
    const deployments = await deps.github.listDeployments({ environment: environmentName(pr) }).catch(() => []);
    for (const deployment of deployments.filter((d) => d.sha.startsWith(sha7))) {
        await deployments_finishDeployment(deps, deployment.id, 'inactive');
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/images.ts
// Teardown's share of the registry: an environment's image tag goes with the environment, so PR images do not
// accumulate. Only tags in the ECR repository of the stack are deleted (an ImageStore exists only for one).

/** The tag the builder gives the image of this PR and SHA (`pr-<n>-<sha7>-ci`). */
function environmentImageTag(pr, sha) {
    const reference = imageTag('repository', { pr, sha });
    return reference.slice(reference.lastIndexOf(':') + 1);
}
/** The PR and SHA an image tag belongs to, when the builder named it. */
function parseEnvironmentImageTag(tag) {
    const match = /^pr-(\d+)-([0-9a-f]{7})-ci$/.exec(tag);
    return match?.[1] && match[2] ? { pr: Number(match[1]), sha7: match[2] } : undefined;
}
/**
 * Deletes the environment's tag. ECR removes the image itself only with its last tag, so another PR's tag of the same
 * commit keeps it; when this tag is the last one, a consistent read of ECS (its services, not a search) must show no
 * other PR's live environment at this SHA, which may run the image by digest. Never throws.
 */
async function deleteEnvironmentImage(deps, pr, sha) {
    const result = { deleted: [], kept: [], failed: [] };
    const images = deps.images;
    if (images === undefined)
        return result;
    const sha7 = sha.slice(0, 7);
    const tag = environmentImageTag(pr, sha7);
    const resource = `image ${images.repository}:${tag}`;
    try {
        const image = await images.findTag(tag);
        if (image === undefined)
            return result;
        if (image.tags.length <= 1) {
            const sharing = (await deps.ecs.listManagedServices()).filter((service) => service.status === 'ACTIVE' && service.sha === sha7 && service.pr !== pr);
            if (sharing.length > 0) {
                const prs = [...new Set(sharing.map((service) => `#${service.pr ?? '?'}`))].join(', ');
                result.kept.push(`${resource}: ${prs} runs the same commit`);
                return result;
            }
        }
        if ((await images.deleteTag(tag)) === 'deleted')
            result.deleted.push(resource);
    }
    catch (error) {
        result.failed.push({ resource, error: error instanceof Error ? error.message : String(error) });
    }
    return result;
}
/** Teardown's call: a failure is logged for the run and left to the sweep, which lists what no label claims. */
async function images_retireEnvironmentImage(deps, pr, sha) {
    const result = await deleteEnvironmentImage(deps, pr, sha);
    for (const line of result.kept)
        deps.log.info(`kept ${line}`);
    for (const failure of result.failed) {
        deps.log.warning(`could not delete ${failure.resource}; the cleanup sweep will: ${failure.error}`);
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/teardown.ts
// Tearing environments down: resources first, labels after, each label with its definition where nothing else
// carries it.





/**
 * Deletes one environment's resources, then its labels. Labels go only once the resources are gone; what could
 * not be deleted keeps its labels with status failed, and is returned as lines for the PR.
 */
async function teardown_retire(deps, session, env, options = {}) {
    const report = deps.settings.dryRun.aws
        ? { deleted: [], failed: [] }
        : await deps.ecs.deleteEnvironment(session.number, env.sha).catch((error) => ({
            deleted: [],
            failed: [{ resource: `service of ${env.sha}`, error: String(error) }],
        }));
    // Load-balancer mode: the environment's rule and target group, once its service is gone.
    const routing = report.failed.length > 0
        ? []
        : await releaseRouting(deps, session.number, env.sha, {
            active: session.state().active,
            keepTargetGroup: options.draining === true,
        });
    if (report.failed.length > 0 || routing.length > 0) {
        // `destroying` stays on the labels: a deletion is owed, and every sweep retries it (planner: deletion-owed).
        await setStatus(deps, session, env.sha, 'destroying');
        return [
            ...report.failed.map((failure) => `Could not delete ${failure.resource}: ${failure.error}`),
            ...routing,
        ];
    }
    // Before the labels go: a run that dies here leaves the environment labelled, and its teardown is retried.
    await retireEnvironmentImage(deps, session.number, env.sha);
    // A Set: env.labels may hold the 🎯 and 🏗️ of the SHA already, and each definition is to be deleted once.
    const labels = [...new Set([...env.labels, activeLabel(env.sha), buildingLabel(env.sha)])].filter((label) => session.has(label));
    try {
        await removeWithDefinitions(deps, session, labels);
    }
    catch (error) {
        // The resources are gone but some labels stay: `destroying` says a deletion is owed, so the next sweep finishes
        // it, instead of the labels claiming a running environment that is not there.
        await setStatus(deps, session, env.sha, 'destroying').catch(() => undefined);
        return [`Could not remove the labels of ${env.sha}; the cleanup sweep will: ${String(error)}`];
    }
    if (!options.deploymentsInactive)
        await deactivateDeployments(deps, session.number, env.sha);
    return [];
}
/**
 * Takes a retired environment's labels off the PR, each with its repository definition when nothing else carries
 * it: deleting a definition takes the label off every issue, so one DELETE does both, 2 requests per label (the
 * carriers read, the DELETE) where removing and then deleting took 3. "Nothing else" is a consistent read (the issues
 * listing, never search): two PRs can share a head commit, and deleting a definition another PR carries would erase
 * that PR's state. A label others carry, or whose carriers cannot be read, is only removed from this PR; the sweep
 * collects its definition once it is unused. Throws when a label cannot be taken off the PR.
 */
async function removeWithDefinitions(deps, session, names) {
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: would remove [${names.join(', ')}] with their definitions where nothing else carries them`);
        return;
    }
    for (const name of names) {
        if (await deleteIfOnlyHere(deps, session, name))
            continue;
        if (session.has(name))
            await session.remove([name]);
    }
}
async function deleteIfOnlyHere(deps, session, name) {
    try {
        const carriers = await deps.github.listLabelCarriers(name);
        const onlyHere = carriers.carried
            ? carriers.numbers.length > 0 && carriers.numbers.every((number) => number === session.number)
            : true;
        if (!onlyHere)
            return false;
        await session.deleteDefinition(name);
        return true;
    }
    catch (error) {
        deps.log.warning(`could not delete the definition of ${name}, taking it off the PR only: ${String(error)}`);
        return false;
    }
}
/**
 * Tears down every environment of the PR (or only `only`), including one still building: its run sees the labels
 * go and yields.
 */
async function teardown_destroy(deps, session, why, only) {
    const state = session.state();
    const envs = Object.values(state.environments).filter((env) => only === undefined || env.sha === only);
    if (envs.length === 0 && state.building === undefined) {
        if (session.has(TRACKED))
            await relabel(deps, session, [], [TRACKED]);
        return { outcome: 'info', failed: false, message: 'Nothing to stop.' };
    }
    // Mark first, so a run building one of them sees the stop before it creates anything more. The mark is a courtesy:
    // if writing it fails half-way (the new status added, the old not removed), the teardown still goes on, and
    // retire() removes every label of the environment, both statuses included. Giving up here would leave a running
    // environment labelled with two statuses (reliability tests: a stop whose first label write fails for good).
    const replaced = envs.flatMap((env) => statusLabelsOf(env).filter((label) => label !== statusLabel(env.sha, 'destroying')));
    // The replaced statuses and the building pointer go with their definitions: the teardown would delete those
    // definitions anyway, and doing it here saves the separate removal from the PR.
    try {
        await relabel(deps, session, envs.map((env) => statusLabel(env.sha, 'destroying')), []);
        await removeWithDefinitions(deps, session, [
            ...replaced,
            ...(state.building && (only === undefined || only === state.building)
                ? [buildingLabel(state.building)]
                : []),
        ]);
    }
    catch (error) {
        deps.log.warning(`could not mark the environments destroying, tearing them down anyway: ${String(error)}`);
    }
    const leftovers = [];
    // Load-balancer mode: the PR's host stops answering first, which also frees the target groups for deletion.
    const mode = balancerOf(deps);
    if (mode && only === undefined) {
        await mode.router.removeRoute({ pr: session.number }).catch((error) => {
            leftovers.push(`Could not delete the listener rule of PR #${session.number}: ${String(error)}`);
        });
    }
    for (const env of envs)
        leftovers.push(...(await teardown_retire(deps, session, session.state().environments[env.sha] ?? env)));
    const after = session.state();
    if (Object.keys(after.environments).length === 0) {
        // Everything that looks like state goes with the last environment, parseable or not; the index label goes last
        // and only when nothing state-like is left, so that whatever a failed removal leaves, the sweep still finds.
        const strays = only === undefined ? session.labels.filter(isStrayStateLabel) : [];
        await relabel(deps, session, [], [...after.legacyLabels, ...strays].filter((label) => session.has(label)));
        if (session.has(TRACKED) &&
            !session.labels.some((label) => label !== TRACKED && (isStateLabel(label) || isStrayStateLabel(label)))) {
            await relabel(deps, session, [], [TRACKED]);
        }
    }
    return {
        outcome: leftovers.length > 0 ? 'failed' : 'done',
        failed: leftovers.length > 0,
        message: leftovers.length > 0 ? `${why} Some resources could not be deleted.` : `${why} Environments removed.`,
        details: leftovers,
    };
}

;// CONCATENATED MODULE: ./src/notify/slack.ts
// Optional Slack notices through an incoming webhook. A notice is a courtesy: it never throws and never fails a run,
// and the webhook URL (a secret: whoever has it can post) never reaches a log line.

const slack_HEADLINE = {
    ready: '🟢 ready',
    failed: '❌ failed',
    expiring: '⏳ expiring soon',
    destroyed: '🧹 destroyed',
};
/** Slack's mrkdwn treats these three as control characters; everything else passes through. */
function slack_escape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** The message body: one line of Slack mrkdwn, plus a plain `text` fallback that Slack shows in notifications. */
function slackMessage(notice) {
    const where = notice.repo ? `${slack_escape(notice.repo)} ` : '';
    const parts = [`🎪 ${where}PR #${notice.pr} \`${notice.sha.slice(0, 7)}\` ${slack_HEADLINE[notice.kind]}`];
    if (notice.url)
        parts.push(`<${slack_escape(notice.url)}|open>`);
    if (notice.reason)
        parts.push(slack_escape(notice.reason));
    return { text: parts.join(' · ') };
}
/** An error's words with the webhook URL (and its path alone) blanked out, since fetch errors may quote it. */
function redact(text, secret) {
    let path = '';
    try {
        path = new URL(secret).pathname;
    }
    catch {
        // Not a URL: only the whole text can leak.
    }
    let result = text.split(secret).join('(webhook)');
    if (path.length > 1)
        result = result.split(path).join('(webhook path)');
    return result;
}
/** Message and low-level code of anything thrown (duck-typed: fetch's errors may come from another realm). */
function slack_describe(error) {
    if (typeof error !== 'object' || error === null)
        return String(error);
    const { message, cause } = error;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
    const text = typeof message === 'string' ? message : String(error);
    return code ? `${text} (${code})` : text;
}
/**
 * Posts one notice to settings.slackWebhookUrl; does nothing when it is not set. Resolves to true when Slack
 * accepted it. Failures (HTTP error, unreachable, timeout) become one warning without the URL.
 */
async function slack_notify(settings, notice, options = {}) {
    const webhook = settings.slackWebhookUrl;
    if (!webhook)
        return false;
    const warn = options.warn ?? ((message) => core.warning(message));
    const send = options.fetch ?? fetch;
    const what = `the Slack notice (${notice.kind}, PR #${notice.pr})`;
    try {
        const response = await send(webhook, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(slackMessage(notice)),
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        // Slack answers `ok` in the body; draining it also frees the connection.
        await response.text().catch(() => '');
        if (!response.ok) {
            warn(`could not send ${what}: Slack answered HTTP ${response.status}`);
            return false;
        }
        return true;
    }
    catch (error) {
        warn(`could not send ${what}: ${redact(slack_describe(error), webhook)}`);
        return false;
    }
}

;// CONCATENATED MODULE: ./src/orchestrator/deploy.ts
// The blue-green deploy of one SHA: build or find its image, create its service, switch the PR to it, retire the
// environments it replaces (teardown.ts).









/** Slack, when configured; a dry run announces nothing and a failed notice is only a warning. */
async function deploy_announce(deps, notice) {
    if (deps.settings.dryRun.github)
        return;
    const repo = `${deps.github.repo.owner}/${deps.github.repo.repo}`;
    await notify(deps.settings, { repo, ...notice }, { warn: (message) => deps.log.warning(message) });
}
async function deploy_deploy(deps, session, claim, decision) {
    const sha7 = claim.sha.slice(0, 7);
    const pr = session.number;
    let serviceCreated = false;
    let creating = false;
    let switched = false;
    let deploymentId;
    const mode = balancerOf(deps);
    try {
        deploymentId = await startDeployment(deps, pr, claim.sha);
        const image = await deps.builder.ensureImage({ pr, sha: claim.sha });
        // Stopped or superseded while building? Then nothing was deployed yet: give the SHA's labels back and go.
        if (!(await stillOurs(deps, session, sha7)))
            return await abandon(deps, session, sha7, false, deploymentId);
        // No intermediate `deploying` status or comment: the claim's `building` stands until the switch writes
        // `running` (or the failure writes `failed`), 4 GitHub calls fewer per deploy, nothing a reader acts on lost.
        const state = session.state();
        const env = state.environments[sha7];
        const now = deps.clock();
        const ttl = env?.ttl ?? deps.settings.policy.defaultTtl;
        const requester = env?.requester ?? 'unknown';
        const expiresAt = env?.createdAt ? ttlDeadline(ttl, env.createdAt) : undefined;
        creating = true;
        const running = await phase(deps.log, `Deploy ${sha7}`, async () => {
            // Load-balancer mode: the service registers its task in the environment's own target group, which must
            // already be in use by a rule of the load balancer (ECS refuses a service on a group no load balancer uses).
            const targetGroupArn = mode
                ? await prepareTargetGroup(mode.router, { pr, sha7, requester, createdAt: now, expiresAt })
                : undefined;
            const created = await deps.ecs.createEnvironment({
                pr,
                sha: claim.sha,
                image: image.image,
                requester,
                config: env?.config ?? defaultConfig(deps),
                size: env?.config.size ?? deps.settings.policy.defaultSize,
                createdAt: now,
                expiresAt,
                ...(targetGroupArn ? { targetGroupArn } : {}),
            });
            return { ...created, targetGroupArn };
        });
        serviceCreated = true;
        if (!(await stillOurs(deps, session, sha7)))
            return await abandon(deps, session, sha7, true, deploymentId);
        if (mode && running.targetGroupArn) {
            const targetGroupArn = running.targetGroupArn;
            await phase(deps.log, `Check ${sha7} through the load balancer`, () => checkThroughBalancer(deps, mode.router, mode.balancer, { pr, sha7, targetGroupArn }));
        }
        const address = shownAddress(deps, pr, running.address);
        const url = addressUrl(address);
        // Blue-green switch: the new environment is healthy, so it becomes active, then the others go. The new labels go
        // on first, so the PR never shows no environment; from then on the new environment is the PR's, and no later
        // failure may delete it (reliability tests: a switch whose label removals fail for good).
        const before = session.state();
        const retired = Object.values(before.environments).filter((other) => other.sha !== sha7);
        const missed = await phase(deps.log, `Switch to ${sha7}`, async () => {
            // Load-balancer mode: one ModifyRule moves the PR's host; if the labels then cannot say so, the host goes
            // back, so that traffic and labels never disagree.
            const moved = mode && running.targetGroupArn ? await switchHost(deps, pr, running.targetGroupArn) : undefined;
            try {
                await relabel(deps, session, [statusLabel(sha7, 'running'), addressLabel(sha7, address), activeLabel(sha7)], []);
            }
            catch (error) {
                await moved?.undo();
                throw error;
            }
            switched = true;
            return removeEach(deps, session, [
                ...statusLabelsOf(before.environments[sha7]).filter((label) => label !== statusLabel(sha7, 'running')),
                buildingLabel(sha7),
                ...retired.map((other) => activeLabel(other.sha)),
            ]);
        });
        // The switch is not atomic with the check before it: a stop that went through in between deleted the service
        // and the labels, and the switch has just written running, 🌐 and 🎯 back. A stop leaves traces; if it did,
        // withdraw the switch (reliability tests: a stop between the last check and the switch).
        if (await stoppedMeanwhile(deps, session, sha7))
            return await abandon(deps, session, sha7, true, deploymentId);
        await finishDeployment(deps, deploymentId, 'success', url);
        await deploy_announce(deps, { kind: 'ready', pr, sha: claim.sha, url });
        const leftovers = [];
        // The environment's own host served only the check before the switch.
        if (mode)
            await mode.router.removeRoute({ pr, sha7 }).catch((error) => {
                leftovers.push(`Could not delete the listener rule of ${sha7}'s own host; the stop will: ${String(error)}`);
            });
        // GitHub's auto_inactive has marked the retired SHAs' deployments inactive with this success.
        for (const other of retired)
            leftovers.push(...(await phase(deps.log, `Retire ${other.sha}`, () => retire(deps, session, other, { deploymentsInactive: deploymentId !== undefined, draining: true }))));
        // A removal GitHub refused even after its retries gets one more try once the rest is done; what still stays is
        // reported, and the planner's repair of a damaged state removes it on the PR's next event.
        const unfinished = await removeEach(deps, session, missed.filter((label) => session.has(label)));
        leftovers.push(...unfinished.map((label) => `Could not remove the label ${label}; the next event on the PR will.`));
        return {
            outcome: leftovers.length > 0 ? 'failed' : 'done',
            failed: leftovers.length > 0,
            message: `${decision.action === 'rolling-update' ? 'Rolled forward to' : 'Deployed'} \`${sha7}\`: ${url}`,
            url,
            details: leftovers,
        };
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (switched) {
            // The new environment serves and its labels say so: only the tidying after the switch failed.
            deps.log.error(logLine(`${sha7} is running, but finishing its switch failed: ${message}`));
            return {
                outcome: 'failed',
                failed: true,
                message: `\`${sha7}\` is running, but finishing the switch to it failed: ${plainText(message)}`,
                details: ['The next event on the PR, or the cleanup sweep, finishes it.'],
            };
        }
        // A stop (or a newer SHA) that reached this SHA meanwhile deletes the service being created, and ECS then
        // reports it INACTIVE: the stop won, this run withdraws (reliability tests: a stop while ECS creates the service).
        const overtaken = await stillOurs(deps, session, sha7).then((ours) => !ours, () => false);
        if (overtaken) {
            deps.log.info(logLine(`${sha7} was stopped or superseded during its deploy (${message})`));
            return await abandon(deps, session, sha7, creating, deploymentId);
        }
        deps.log.error(logLine(`deploy of ${sha7} failed: ${message}`));
        const cleanup = serviceCreated
            ? await deps.ecs.deleteEnvironment(pr, claim.sha).then((report) => report.failed.length === 0, () => false)
            : undefined;
        // The environment's rule and target group go with it (the PR's host never moved to it).
        for (const line of await releaseRouting(deps, pr, sha7))
            deps.log.warning(line);
        await markFailed(deps, session, sha7).catch((labelError) => {
            deps.log.error(`could not record the failure on the PR: ${String(labelError)}`);
        });
        await finishDeployment(deps, deploymentId, 'failure');
        await deploy_announce(deps, { kind: 'failed', pr, sha: claim.sha, reason: message });
        return {
            outcome: 'failed',
            failed: true,
            // Escaped: an error's text may carry what the PR's code answered (a health check) or printed.
            message: `Deploying \`${sha7}\` failed: ${plainText(message)}`,
            details: [cleanedUp(error, cleanup)],
        };
    }
    finally {
        if (!deps.settings.dryRun.github) {
            const heldUntil = claim.leaseExpiresAt === undefined ? undefined : new Date(claim.leaseExpiresAt);
            await deps.github.releaseLock(claim.lock, deps.run.holder, heldUntil).catch((error) => {
                deps.log.warning(`could not release ${claim.lock}; it expires on its own: ${String(error)}`);
            });
        }
    }
}
/**
 * Points the PR's host at the new target group (a new rule on the first start, one ModifyRule after); `undo` puts
 * back what the host routed to before.
 */
async function switchHost(deps, pr, targetGroupArn) {
    const router = deps.router;
    if (!router)
        return undefined;
    const before = (await router.ruleOf({ pr }))?.targetGroupArns[0];
    const change = await router.route({ pr }, targetGroupArn);
    deps.log.info(`PR #${pr}'s host ${change === 'created' ? 'now routes' : 'switched'} to ${targetGroupArn}`);
    return {
        undo: async () => {
            await (before ? router.route({ pr }, before) : router.removeRoute({ pr })).catch((error) => {
                deps.log.error(`could not route PR #${pr}'s host back after a failed switch: ${String(error)}`);
            });
        },
    };
}
/** Recognised by name: importing the class would load the ECS adapter, and with it the AWS SDK, in every step. */
function isEnvironmentError(error) {
    return error instanceof Error && error.name === 'EnvironmentError' && 'cleanup' in error;
}
/** What a failed deploy left behind, for the PR: the lock always goes, the labels keep the failure. */
function cleanedUp(error, serviceDeleted) {
    const retry = 'the lock is released and the labels say failed; `/showtime start` tries again.';
    if (serviceDeleted === false)
        return `Not cleaned up: the ECS service could not be deleted; the cleanup sweep retries. The lock is released.`;
    if (serviceDeleted === true)
        return `Cleaned up: the ECS service was deleted; ${retry}`;
    if (isEnvironmentError(error)) {
        const notCleaned = 'Not cleaned up: ECS kept what the deploy made; the cleanup sweep retries. The lock is released.';
        const said = {
            deleted: `Cleaned up: the ECS service and its task definitions were removed; ${retry}`,
            'rolled-back': `Cleaned up: the service went back to its previous revision; ${retry}`,
            'delete-failed': notCleaned,
            'rollback-failed': notCleaned,
        };
        if (said[error.cleanup])
            return said[error.cleanup];
    }
    return `Cleaned up: nothing had been created in ECS; ${retry}`;
}
/** True while the PR still points its building pointer at this SHA: a stop or a newer SHA removes or moves it. */
async function stillOurs(deps, session, sha7) {
    if (deps.settings.dryRun.github)
        return true;
    const state = await session.refresh();
    return state.building === sha7 && state.environments[sha7]?.status !== 'destroying';
}
/**
 * True when a stop has reached this SHA since the claim: it is marked destroying, or the labels the claim wrote (the
 * index label and its 📅) are gone, which only a teardown removes.
 */
async function stoppedMeanwhile(deps, session, sha7) {
    if (deps.settings.dryRun.github)
        return false;
    const state = await session.refresh();
    return (session.has(statusLabel(sha7, 'destroying')) ||
        !session.has(TRACKED) ||
        state.environments[sha7]?.createdAt === undefined);
}
async function abandon(deps, session, sha7, serviceCreated, deploymentId) {
    const state = session.state();
    const reason = state.building && state.building !== sha7 ? `superseded by \`${state.building}\`` : 'stopped';
    for (const line of await releaseRouting(deps, session.number, sha7))
        deps.log.warning(line);
    if (serviceCreated) {
        const report = await deps.ecs.deleteEnvironment(session.number, sha7);
        if (report.failed.length > 0) {
            await markFailed(deps, session, sha7);
            return {
                outcome: 'failed',
                failed: true,
                message: `\`${sha7}\` was ${reason} but its service could not be deleted; the sweep will retry.`,
                details: report.failed.map((failure) => `${failure.resource}: ${failure.error}`),
            };
        }
    }
    const env = state.environments[sha7];
    await relabel(deps, session, [], [...(env?.labels ?? []), activeLabel(sha7)].filter((l) => session.has(l)));
    await finishDeployment(deps, deploymentId, 'inactive');
    return {
        outcome: 'info',
        failed: false,
        message: `\`${sha7}\` was ${reason} during its deploy and was withdrawn.`,
    };
}
async function markFailed(deps, session, sha7) {
    await setStatus(deps, session, sha7, 'failed');
    if (session.has(buildingLabel(sha7)))
        await relabel(deps, session, [], [buildingLabel(sha7)]);
}

;// CONCATENATED MODULE: ./src/orchestrator/run-step.ts
// The run step: carries the plan record's decisions out, writes the status comment and answers the asker.








/** A refusal that only answers who asked: it writes nothing a person sees but the removal of the label they added. */
function isSilentRefusal(decision) {
    return decision.reason === 'not-authorized' && (decision.restore ?? []).length === 0;
}
async function run_step_runStep(deps, plan) {
    const first = plan.decisions[0];
    // A 'nothing' that consumes labels (stop wins over start with nothing to stop) still has to remove them, or the
    // stale triggers would answer the next start with "stop wins" (reliability tests: start and stop racing).
    const quiet = plan.decisions.every((d) => d.action === 'nothing' && d.consume.length === 0) &&
        plan.commandErrors.length === 0;
    if (plan.pr !== undefined && first !== undefined && plan.decisions.every(isSilentRefusal)) {
        const pr = plan.pr;
        const labels = [...new Set(plan.decisions.flatMap((decision) => decision.consume))];
        for (const label of labels) {
            if (deps.settings.dryRun.github)
                deps.log.info(`dry run: would remove ${label}`);
            else
                await deps.github.removeLabel(pr, label);
        }
        return {
            action: first.action,
            reason: first.reason,
            summary: renderRunSummary({ pr, decisions: plan.decisions, outcome: first.message }),
            failed: false,
        };
    }
    if (plan.pr === undefined || first === undefined || quiet) {
        const decision = first ?? nothing('nothing-to-do', 'Nothing to do.');
        return {
            action: decision.action,
            reason: decision.reason,
            targetSha: decision.targetSha,
            summary: renderRunSummary({ pr: plan.pr ?? 0, decisions: plan.decisions, outcome: decision.message }),
            failed: false,
        };
    }
    // A deploy reads the PR again before anything it does rests on the labels (stillOurs, before CreateService), so a
    // run that only deploys the claimed SHA starts from the labels the plan step left: one read fewer. Every other
    // decision acts on the labels as they are now.
    const claimed = plan.claim?.sha;
    const deploysOnly = claimed !== undefined &&
        plan.decisions.every((d) => (d.action === 'create' || d.action === 'rolling-update') && d.targetSha === claimed);
    const session = deploysOnly && plan.pull !== undefined && plan.pull.number === plan.pr
        ? PrSession.resume(deps.github, plan.pull)
        : await PrSession.open(deps.github, plan.pr);
    const outcomes = [];
    for (const decision of plan.decisions) {
        outcomes.push(await execute(deps, session, plan, decision));
    }
    const last = outcomes[outcomes.length - 1] ?? { outcome: 'info', message: 'Nothing to do.', failed: false };
    const failed = outcomes.some((outcome) => outcome.failed);
    const details = [
        ...outcomes.flatMap((outcome) => outcome.details ?? []),
        ...plan.commandErrors.map(commandErrorLine),
    ];
    const url = outcomes.map((outcome) => outcome.url).find((u) => u !== undefined);
    const urls = url && plan.targetSha ? { [plan.targetSha.slice(0, 7)]: url } : undefined;
    const sticky = await writeStatusComment(deps, session, {
        message: outcomes.map((outcome) => outcome.message).join(' '),
        outcome: failed ? 'failed' : outcomes.some((o) => o.outcome === 'refused') ? 'refused' : last.outcome,
        actor: plan.actor?.login,
        details,
        urls,
        approval: plan.decisions.find((d) => d.approval !== undefined)?.approval,
    }, plan.statusCommentId);
    await replyToAsker(deps, session, plan, sticky, urls);
    if (plan.commentId !== undefined) {
        const reaction = failed || plan.commandErrors.length > 0 || outcomes.some((o) => o.outcome === 'refused')
            ? 'confused'
            : '+1';
        await deps.github.reactToComment(plan.commentId, reaction).catch(() => undefined);
    }
    const state = session.state();
    const target = plan.targetSha ? state.environments[plan.targetSha.slice(0, 7)] : undefined;
    return {
        action: first.action,
        reason: first.reason,
        targetSha: plan.targetSha,
        status: target?.status ?? 'none',
        url,
        failed,
        summary: renderRunSummary({
            pr: plan.pr,
            decisions: plan.decisions,
            outcome: outcomes.map((outcome) => outcome.message).join(' '),
            url,
        }),
    };
}
async function execute(deps, session, plan, decision) {
    switch (decision.action) {
        case 'create':
        case 'rolling-update':
            if (plan.claim === undefined || decision.targetSha !== plan.claim.sha) {
                return { outcome: 'info', message: decision.message, failed: false };
            }
            return deploy(deps, session, plan.claim, decision);
        case 'stop': {
            await consume(deps, session, decision.consume);
            const stopped = Object.keys(session.state().environments).filter((sha7) => decision.targetSha === undefined || decision.targetSha.startsWith(sha7));
            const outcome = await destroy(deps, session, decision.message, decision.targetSha?.slice(0, 7));
            // The sweep calls destroy() too and announces on its own, so the notice lives here, not in destroy().
            if (!outcome.failed) {
                for (const sha of stopped)
                    await announce(deps, { kind: 'destroyed', pr: session.number, sha, reason: decision.reason });
            }
            return outcome;
        }
        case 'redeploy-config':
            return reconfigure(deps, session, decision);
        case 'extend':
            return extend(deps, session, decision);
        case 'freeze':
        case 'unfreeze':
            return setFrozen(deps, session, decision);
        case 'sleep':
            return sleep(deps, session, decision);
        case 'wake':
            return wake(deps, session, decision);
        case 'refuse':
            await consume(deps, session, decision.consume);
            if (decision.restore && decision.restore.length > 0)
                await relabel(deps, session, decision.restore, []);
            return { outcome: 'refused', message: decision.message, failed: false };
        case 'status':
            // The answer goes to the asker in a reply of its own (replyToAsker); the status comment records the state.
            return { outcome: 'info', message: decision.message, failed: false };
        case 'await-approval':
            await consume(deps, session, decision.consume);
            return { outcome: 'info', message: decision.message, failed: false };
        case 'warn-expiry':
            return { outcome: 'info', message: decision.message, failed: false };
        case 'nothing':
            await consume(deps, session, decision.consume);
            return { outcome: 'info', message: decision.message, failed: false };
    }
}
/**
 * `/showtime status` and `/showtime help` are answered where they were asked: a short new comment that mentions the
 * asker (an edit of the status comment far up the thread notifies nobody). Only a writer's command gets here (the
 * planner refuses everyone else's before), and the reply quotes none of the asker's text: their login, the state,
 * and the command list.
 */
async function replyToAsker(deps, session, plan, sticky, urls) {
    const asks = plan.decisions.filter((d) => d.action === 'status').map((d) => d.reason);
    if (plan.commentId === undefined || plan.actor === undefined || !isWriter(plan.actor))
        return;
    if (asks.length === 0)
        return;
    const body = renderReply({
        asker: plan.actor.login,
        help: asks.includes('help-requested'),
        status: asks.includes('status-requested'),
        state: session.state(),
        urls,
        now: deps.clock(),
        defaultTtl: deps.settings.policy.defaultTtl,
        statusCommentUrl: sticky === undefined ? undefined : `${repoUrlOf(deps)}/pull/${session.number}#issuecomment-${sticky}`,
        usage: COMMAND_USAGE,
    });
    if (deps.settings.dryRun.github) {
        deps.log.info(`dry run: would reply:\n${body}`);
        return;
    }
    await deps.github.createComment(session.number, body).catch((error) => {
        deps.log.warning(`could not reply to @${plan.actor?.login}: ${String(error)}`);
    });
}

// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __nccwpck_require__(3053);
;// CONCATENATED MODULE: ./src/aws/lazy.ts
// The ECS adapter behind a dynamic import(): the AWS SDK is most of a bundle's weight, and a step that never talks
// to AWS (the plan step, a comment command) must not pay for loading it. ncc emits the import as a chunk of its own
// next to index.js.

let loading;
function loadEcsModule() {
    return (loading ??= Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(861), __nccwpck_require__.e(736), __nccwpck_require__.e(212), __nccwpck_require__.e(101)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6101)));
}
/**
 * An EnvironmentBackend that loads the SDK and builds the real one on its first call. `settings` is a thunk: the ECS
 * inputs (template, network) are checked only then, so a label event that needs no deploy never fails on them.
 */
function lazy_lazyEcsBackend(settings, deps = {}) {
    let backend;
    const get = () => (backend ??= Promise.all([loadEcsModule(), typeof deps === 'function' ? deps() : deps]).then(([ecs, resolved]) => ecs.createEcsBackend(settings(), resolved)));
    return {
        createEnvironment: async (spec) => (await get()).createEnvironment(spec),
        updateConfiguration: async (spec) => (await get()).updateConfiguration(spec),
        deleteEnvironment: async (pr, sha) => (await get()).deleteEnvironment(pr, sha),
        listManagedServices: async () => (await get()).listManagedServices(),
        currentAddresses: async (services) => (await get()).currentAddresses(services),
        sleepEnvironment: async (pr, sha) => (await get()).sleepEnvironment(pr, sha),
        wakeEnvironment: async (pr, sha) => (await get()).wakeEnvironment(pr, sha),
    };
}
/**
 * For a step that will talk to AWS: loads the SDK while the first GitHub request is in flight. Loading is CPU work
 * on the one JS thread, so it starts once that request's headers are on the wire (undici's `client:sendHeaders`
 * channel, which Node's fetch publishes) and overlaps the round trip instead of delaying the request.
 */
function lazy_preloadEcsDuringFirstRequest() {
    const channel = diagnostics.channel('undici:client:sendHeaders');
    const onSend = () => {
        channel.unsubscribe(onSend);
        setImmediate(() => void loadEcsModule().catch(() => undefined));
    };
    channel.subscribe(onSend);
}
/** The ECR image store, loaded (with its SDK client) on the first call; `repository` names it without loading. */
function lazy_lazyImageStore(repository, create) {
    let store;
    const get = () => (store ??= create());
    return {
        repository,
        findTag: async (tag) => (await get()).findTag(tag),
        deleteTag: async (tag) => (await get()).deleteTag(tag),
        listTagged: async () => (await get()).listTagged(),
    };
}
/**
 * The SSM password store, loaded on the first call. `load` is shared with the ECS adapter, which is handed the real
 * store so that it counts the SSM calls with its own.
 */
function lazy_lazyPasswordStore(name, load) {
    return {
        name,
        create: async (pr, sha7) => (await load()).create(pr, sha7),
        delete: async (pr, sha7) => (await load()).delete(pr, sha7),
        list: async () => (await load()).list(),
    };
}
/** The ELB router, loaded on its first call with an ECS client whose configuration (credentials, region) it signs with. */
function lazy_lazyRouter(settings, aws) {
    let router;
    const get = () => (router ??= Promise.all([loadEcsModule(), Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(596)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5596))]).then(([ecs, elb]) => elb.createElbRouter(ecs.createEcsClients(aws).ecs, settings)));
    return {
        ensureTargetGroup: async (environment) => (await get()).ensureTargetGroup(environment),
        targetHealth: async (arn) => (await get()).targetHealth(arn),
        route: async (target, arn) => (await get()).route(target, arn),
        ruleOf: async (target) => (await get()).ruleOf(target),
        removeRoute: async (target) => (await get()).removeRoute(target),
        removeTargetGroup: async (pr, sha7) => (await get()).removeTargetGroup(pr, sha7),
        targetGroupOf: async (pr, sha7) => (await get()).targetGroupOf(pr, sha7),
        deleteRule: async (rule) => (await get()).deleteRule(rule),
        deleteTargetGroup: async (arn) => (await get()).deleteTargetGroup(arn),
        listManaged: async () => (await get()).listManaged(),
        checkThrough: async (host, url, options) => (await get()).checkThrough(host, url, options),
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
;// CONCATENATED MODULE: ./src/docker/registry.ts
// The registry port of the split form: read a manifest's digest, push an OCI archive. skopeo does both without a
// docker daemon and without running anything from the image: the deploy job only copies bytes it was handed.






const SKOPEO_MISSING = (/* unused pure expression or super */ null && ('skopeo is not installed: the split form reads and pushes images with it (GitHub’s Ubuntu runner images ship it; ' +
    'elsewhere `apt-get install skopeo`)'));
/**
 * Plain HTTP is allowed for one registry only, and only on the loopback interface: a test registry on this machine.
 * A real registry is always spoken to over verified TLS, whatever the environment says.
 */
function isLoopbackRegistry(domain) {
    if (domain === undefined)
        return false;
    const host = domain.replace(/:[0-9]+$/, '');
    return host === 'localhost' || /^127\.[0-9]+\.[0-9]+\.[0-9]+$/.test(host);
}
const registry_DIGEST = /^sha256:[0-9a-f]{64}$/;
function skopeo(args, env) {
    return new Promise((resolve, reject) => {
        execFile('skopeo', args, { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024, ...(env ? { env } : {}) }, (error, stdout, stderr) => {
            const code = error?.code;
            if (code === 'ENOENT')
                return reject(new Error(SKOPEO_MISSING));
            const exit = error
                ? typeof code === 'number'
                    ? code
                    : (error.status ?? 1)
                : 0;
            resolve({ code: exit, stdout, stderr: stderr.toString() });
        });
    });
}
class registry_SkopeoRegistry {
    options;
    constructor(options) {
        this.options = options;
    }
    insecure(reference) {
        const domain = parseDockerReference(reference)?.domain;
        return (this.options.insecureLoopback !== undefined &&
            domain === this.options.insecureLoopback &&
            isLoopbackRegistry(domain));
    }
    async digestOf(reference, { anonymous }) {
        if (parseDockerReference(reference) === undefined)
            return { found: false, why: 'not an image reference' };
        const args = ['inspect', '--raw', '--retry-times', '2'];
        if (anonymous)
            args.push('--no-creds');
        if (this.insecure(reference))
            args.push('--tls-verify=false');
        args.push(`docker://${reference}`);
        const run = await skopeo(args, this.options.env);
        if (run.code !== 0) {
            const why = /manifest unknown|not found/i.test(run.stderr)
                ? 'the registry has no such manifest'
                : `the registry did not answer (${lastLine(run.stderr)})`;
            return { found: false, why };
        }
        // --raw prints the manifest exactly as stored: its sha256 is the digest the registry serves it under.
        return { found: true, digest: `sha256:${createHash('sha256').update(run.stdout).digest('hex')}` };
    }
    async pushArchive(archive, destination) {
        const scratch = mkdtempSync(path.join(tmpdir(), 'showtime-push-'));
        const digestFile = path.join(scratch, 'digest');
        try {
            // --all keeps every manifest of the archive's index (a multi-platform build, an attestation).
            const args = ['copy', '--all', '--retry-times', '3', '--digestfile', digestFile];
            if (this.insecure(destination))
                args.push('--dest-tls-verify=false');
            args.push(`oci-archive:${archive}`, `docker://${destination}`);
            this.options.log.info(`Pushing the image archive to ${destination}`);
            const run = await skopeo(args, this.options.env);
            if (run.code !== 0) {
                throw new Error(`skopeo could not push the image archive to ${destination}: ${lastLine(run.stderr)}`);
            }
            const digest = readFileSync(digestFile, 'utf8').trim();
            if (!registry_DIGEST.test(digest))
                throw new Error(`skopeo reported the digest ${JSON.stringify(digest)}`);
            return digest;
        }
        finally {
            rmSync(scratch, { recursive: true, force: true });
        }
    }
}
function lastLine(text) {
    const lines = text.trim().split('\n');
    return (lines[lines.length - 1] ?? '').slice(0, 300);
}
/** The dry-run twin: finds nothing (so a plan says a build is needed) and pushes nothing. */
function registry_dryRunRegistry(log) {
    return {
        async digestOf(reference) {
            log.info(`dry run (docker): would look ${reference} up in the registry`);
            return { found: false, why: 'dry run' };
        },
        async pushArchive(archive, destination) {
            log.info(`dry run (docker): would push ${archive} to ${destination}`);
            return undefined;
        },
    };
}

;// CONCATENATED MODULE: ./src/github/errors.ts
// One error class for every GitHub failure, with a message a maintainer can act on: which operation, what GitHub
// said, and (for 401/403) which token permission the workflow must grant.
/** The token permission each operation needs, in the words of a workflow's `permissions:` block. */
const PERMISSION_NEEDED = {
    getPullRequest: 'pull-requests: read',
    listPullRequestCommits: 'pull-requests: read',
    addLabels: 'issues: write (or pull-requests: write)',
    removeLabel: 'issues: write (or pull-requests: write)',
    ensureLabelDefinitions: 'issues: write (or pull-requests: write)',
    listRepoLabels: 'issues: read (or pull-requests: read)',
    getLabelDefinition: 'issues: read (or pull-requests: read)',
    deleteRepoLabel: 'issues: write (or pull-requests: write)',
    searchPullRequests: 'pull-requests: read',
    listLabelCarriers: 'issues: read (or pull-requests: read)',
    getPermission: 'metadata: read',
    findComment: 'issues: read (or pull-requests: read)',
    upsertComment: 'issues: write (or pull-requests: write)',
    createComment: 'issues: write (or pull-requests: write)',
    reactToComment: 'issues: write (or pull-requests: write)',
    createDeployment: 'deployments: write',
    createDeploymentStatus: 'deployments: write',
    listDeployments: 'deployments: read',
    acquireLock: 'issues: write (or pull-requests: write)',
    renewLock: 'issues: write (or pull-requests: write)',
    releaseLock: 'issues: write (or pull-requests: write)',
};
class errors_GitHubError extends Error {
    operation;
    status;
    name = 'GitHubError';
    constructor(operation, 
    /** HTTP status GitHub answered, or undefined when the request never got an answer or was refused before sending. */
    status, message, options) {
        super(message, options);
        this.operation = operation;
        this.status = status;
    }
}
/**
 * A 403/429 is a rate limit (not a missing permission) when GitHub says so: a `retry-after` header (secondary limit),
 * an exhausted primary quota, or the words "rate limit" in its message.
 */
function isRateLimit(failure) {
    if (failure.status !== 403 && failure.status !== 429)
        return false;
    return (failure.headers['retry-after'] !== undefined ||
        failure.headers['x-ratelimit-remaining'] === '0' ||
        /rate limit/i.test(failure.detail));
}
/**
 * The message for people. `what` names the operation's subject ("adding labels to pull request #12 in o/r");
 * `notFound`, when given, replaces the whole message on a 404 (the caller knows which object was missing).
 */
function explainFailure(operation, what, failure, notFound) {
    const { status, detail } = failure;
    const said = status === undefined ? detail : `${status} ${detail}`;
    const lead = `GitHub ${operation} (${what}) failed`;
    if (status === 404 && notFound !== undefined)
        return notFound;
    if (status === undefined)
        return `${lead}: ${detail}`;
    if (status === 401)
        return `${lead}: GitHub rejected the token (${said}); check the github-token input.`;
    if (isRateLimit(failure)) {
        return `${lead}: GitHub's rate limit was still exceeded after the allowed retries (${said}); try again later.`;
    }
    if (status === 403) {
        return (`${lead}: the token lacks permission (${said}); grant the workflow ` +
            `\`permissions: ${PERMISSION_NEEDED[operation]}\`.`);
    }
    if (status === 404)
        return `${lead}: not found (${said}).`;
    if (status >= 500)
        return `${lead}: GitHub answered ${said} and kept failing after the allowed retries.`;
    return `${lead}: GitHub refused the request (${said}).`;
}
/** The HTTP status of an Octokit request error, or undefined for anything else. */
function errors_statusOf(error) {
    if (typeof error !== 'object' || error === null || !('status' in error))
        return undefined;
    const { status } = error;
    return typeof status === 'number' ? status : undefined;
}
/** GitHub's validation error codes (`already_exists`, `custom`, …) carried by a 422. */
function errors_validationCodes(error) {
    const data = responseOf(error)?.data;
    if (typeof data !== 'object' || data === null || !('errors' in data) || !Array.isArray(data.errors))
        return [];
    return data.errors.flatMap((e) => typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? [e.code] : []);
}
/** GitHub's `message` in an error response (e.g. "Label does not exist"), or ''. */
function errors_githubMessage(error) {
    const data = responseOf(error)?.data;
    if (typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string') {
        return data.message;
    }
    return '';
}
function responseOf(error) {
    if (typeof error !== 'object' || error === null || !('response' in error))
        return undefined;
    const { response } = error;
    return typeof response === 'object' && response !== null ? response : undefined;
}
function failureOf(error) {
    const response = responseOf(error);
    const headers = {};
    for (const [key, value] of Object.entries(response?.headers ?? {})) {
        if (typeof value === 'string' || typeof value === 'number')
            headers[key.toLowerCase()] = String(value);
    }
    const detail = errors_githubMessage(error) || (error instanceof Error ? error.message : String(error));
    return { status: errors_statusOf(error), detail, headers };
}
function errors_toGitHubError(error, operation, what, notFound) {
    if (error instanceof errors_GitHubError)
        return error;
    const failure = failureOf(error);
    return new errors_GitHubError(operation, failure.status, explainFailure(operation, what, failure, notFound), {
        cause: error,
    });
}

;// CONCATENATED MODULE: ./src/core/locks.ts
// The deploy lock's protocol text, written and read here only: the lease a lock label's description carries, the
// fence label a takeover of an expired lease creates first, and how a fence names the lock and lease it fenced.
// The lock's *name* (`🎪 🔐 lock-pr-…`) is part of the label grammar (labels.ts writes and parses it with every
// other 🎪 name). Everything here is pure: the fence name is a hash of its inputs, no clock, no randomness.


const LOCK_HEAD = 'showtime lock held by ';
const LOCK_UNTIL = ' until ';
const LOCK_HOLDER_MAX_LENGTH = labels_LABEL_DESCRIPTION_MAX_LENGTH - LOCK_HEAD.length - LOCK_UNTIL.length - 'YYYY-MM-DDTHH:MMZ'.length;
const LOCK_DESCRIPTION_FORM = (/* unused pure expression or super */ null && (`${LOCK_HEAD}<holder> until <YYYY-MM-DDTHH:MMZ>, e.g. ${LOCK_HEAD}run 123456/1 until 2024-01-15T14:30Z`));
// Printable, no surrounding space, so that what is written is read back unchanged.
const HOLDER = /^[^\s\p{Cc}\p{Cf}\p{Cs}](?:[^\p{Cc}\p{Cf}\p{Cs}]*[^\s\p{Cc}\p{Cf}\p{Cs}])?$/u;
/**
 * The lock label's description. The expiry is rounded up to the whole minute: a lease may last a few seconds longer
 * than asked, never shorter, so a run that believes it still holds the lock always does.
 */
function formatLockDescription(lease) {
    if (!HOLDER.test(lease.holder) || lease.holder.length > LOCK_HOLDER_MAX_LENGTH) {
        throw new Error(`lock holder "${lease.holder}" must be 1 to ${LOCK_HOLDER_MAX_LENGTH} printable characters without surrounding spaces`);
    }
    const ceiled = new Date(Math.ceil(lease.expiresAt.getTime() / 60_000) * 60_000);
    return `${LOCK_HEAD}${lease.holder}${LOCK_UNTIL}${formatIsoMinute(ceiled)}`;
}
/** Reads a lock description (LOCK_DESCRIPTION_FORM); undefined for anything else. */
function parseLockDescription(text) {
    if (!text.startsWith(LOCK_HEAD))
        return undefined;
    const until = text.lastIndexOf(LOCK_UNTIL);
    if (until < LOCK_HEAD.length)
        return undefined;
    const holder = text.slice(LOCK_HEAD.length, until);
    const expiresAt = parseIsoMinute(text.slice(until + LOCK_UNTIL.length));
    return expiresAt !== undefined && HOLDER.test(holder) ? { holder, expiresAt } : undefined;
}
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** The adapter's own lease form, `holder|ISO-expiry`, used when it is given no codec (its tests do). */
function formatLease(lease) {
    if (lease.holder === '' || lease.holder.includes('|')) {
        throw new Error(`Invalid lock holder ${JSON.stringify(lease.holder)}: expected non-empty text without "|"`);
    }
    if (Number.isNaN(lease.expiresAt.getTime()))
        throw new Error('Invalid lock expiry: expected a valid date');
    const text = `${lease.holder}|${lease.expiresAt.toISOString()}`;
    if (labels_characters(text) > labels_LABEL_DESCRIPTION_MAX_LENGTH) {
        throw new Error(`Invalid lock holder ${JSON.stringify(lease.holder)}: at most ` +
            `${labels_LABEL_DESCRIPTION_MAX_LENGTH - 25} characters fit in a label description with the expiry`);
    }
    return text;
}
function parseLease(description) {
    const bar = description.indexOf('|');
    if (bar <= 0)
        return undefined;
    const holder = description.slice(0, bar);
    const expiry = description.slice(bar + 1);
    if (!ISO.test(expiry))
        return undefined;
    const expiresAt = new Date(expiry);
    // Date accepts 2024-02-31 by rolling over; a lease we wrote always round-trips exactly.
    return expiresAt.toISOString() === expiry ? { holder, expiresAt } : undefined;
}
/** Separates the lock's name from the lease hash in a fence's name. */
const FENCE_MARK = ' ⛓ ';
/**
 * `<lock name> ⛓ <8 hex>`: the hash identifies the expired lease, so every racer that saw the same lease tries to
 * create the same fence and exactly one succeeds. The lock name is shortened when needed to stay within
 * LABEL_MAX_LENGTH; the hash covers the full name, so distinct locks still get distinct fences.
 */
function fenceName(name, description) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(`${name}\n${description}`).digest('hex').slice(0, 8);
    const suffix = `${FENCE_MARK}${hash}`;
    const room = labels_LABEL_MAX_LENGTH - labels_characters(suffix);
    return `${[...name].slice(0, room).join('')}${suffix}`;
}
/** True for a fence's name (every other 🎪 name lacks the mark). */
function isFenceName(name) {
    return name.includes(FENCE_MARK);
}
/** The lock a fence guards (its name as far as the fence kept it); undefined for a name that is not a fence. */
function fencedLockName(fence) {
    const mark = fence.indexOf(FENCE_MARK);
    return mark < 0 ? undefined : fence.slice(0, mark);
}
const TAKEOVER = 'takeover of ';
/** A fence's description: which lock it guards and the expired lease it took over, cut to the description limit. */
function locks_fenceDescription(lock, seen) {
    return [...`${TAKEOVER}${lock}: ${seen}`].slice(0, LABEL_DESCRIPTION_MAX_LENGTH).join('');
}
/** The lease text a fence's description says it took over; undefined when the description is not a fence's. */
function fencedLeaseText(description) {
    const colon = description.indexOf(': ');
    return colon < 0 ? undefined : description.slice(colon + 2);
}
/** The codec the action runs with. */
const locks_LOCK_CODEC = {
    describe: formatLockDescription,
    parse: parseLockDescription,
    fenceName,
};
/** The adapter's default when it is given no codec. */
const locks_DEFAULT_LOCK_CODEC = { describe: formatLease, parse: parseLease, fenceName };

// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/proxy.js
var proxy = __nccwpck_require__(9783);
;// CONCATENATED MODULE: ./node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }

  if (typeof process === "object" && process.version !== undefined) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${
      process.arch
    })`;
  }

  return "<environment undetectable>";
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/register.js
// @ts-check

function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }

  if (!options) {
    options = {};
  }

  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name) => {
      return register.bind(null, state, name, callback, options);
    }, method)();
  }

  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }

    return state.registry[name].reduce((method, registered) => {
      return registered.hook.bind(null, method, options);
    }, method)();
  });
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/add.js
// @ts-check

function addHook(state, kind, name, hook) {
  const orig = hook;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }

  if (kind === "before") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(orig.bind(null, options))
        .then(method.bind(null, options));
    };
  }

  if (kind === "after") {
    hook = (method, options) => {
      let result;
      return Promise.resolve()
        .then(method.bind(null, options))
        .then((result_) => {
          result = result_;
          return orig(result, options);
        })
        .then(() => {
          return result;
        });
    };
  }

  if (kind === "error") {
    hook = (method, options) => {
      return Promise.resolve()
        .then(method.bind(null, options))
        .catch((error) => {
          return orig(error, options);
        });
    };
  }

  state.registry[name].push({
    hook: hook,
    orig: orig,
  });
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/lib/remove.js
// @ts-check

function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }

  const index = state.registry[name]
    .map((registered) => {
      return registered.orig;
    })
    .indexOf(method);

  if (index === -1) {
    return;
  }

  state.registry[name].splice(index, 1);
}

;// CONCATENATED MODULE: ./node_modules/before-after-hook/index.js
// @ts-check





// bind with array of arguments: https://stackoverflow.com/a/21792913
const bind = Function.bind;
const bindable = bind.bind(bind);

function bindApi(hook, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook.api = { remove: removeHookRef };
  hook.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook[kind] = hook.api[kind] = bindable(addHook, null).apply(null, args);
  });
}

function Singular() {
  const singularHookName = Symbol("Singular");
  const singularHookState = {
    registry: {},
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}

function Collection() {
  const state = {
    registry: {},
  };

  const hook = register.bind(null, state);
  bindApi(hook, state);

  return hook;
}

/* harmony default export */ const before_after_hook = ({ Singular, Collection });

;// CONCATENATED MODULE: ./node_modules/@octokit/endpoint/dist-bundle/index.js
// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/defaults.js
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var dist_bundle_DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};

// pkg/dist-src/util/lowercase-keys.js
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}

// pkg/dist-src/util/is-plain-object.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/util/merge-deep.js
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}

// pkg/dist-src/util/remove-undefined-properties.js
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}

// pkg/dist-src/merge.js
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}

// pkg/dist-src/util/add-query-parameters.js
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}

// pkg/dist-src/util/extract-url-variable-names.js
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}

// pkg/dist-src/util/omit.js
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}

// pkg/dist-src/util/url-template.js
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}

// pkg/dist-src/parse.js
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}

// pkg/dist-src/endpoint-with-defaults.js
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}

// pkg/dist-src/with-defaults.js
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}

// pkg/dist-src/index.js
var endpoint = withDefaults(null, dist_bundle_DEFAULTS);


;// CONCATENATED MODULE: ./node_modules/content-type/dist/index.js
/*!
 * content-type
 * Copyright(c) 2015 Douglas Christopher Wilson
 * MIT Licensed
 */
const SP = 32; // " "
const HTAB = 9; // "\t"
const SEMI = 59; // ";"
const EQ = 61; // "="
const DQUOTE = 34; // '"'
const BSLASH = 92; // "\\"
const COMMA = 44; // ","
const LOWER_CASE = 1;
const OWS = 2;
const SEMI_FLAG = 4;
const COMMA_FLAG = 8;
const TOKEN_FLAG = 16;
const NON_ASCII = 0xff00;
const CASE_FLAGS = LOWER_CASE | NON_ASCII;
/**
 * Character flags used to normalize HTTP field values while scanning.
 * Out-of-range reads intentionally coerce to zero in bitwise expressions.
 */
const CHAR_MAP = new Uint8Array(0x100);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 0x80 /* non-ASCII */; code <= 0xff; code++) {
    CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
    CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 0x30 /* 0 */; code <= 0x39 /* 9 */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 0x41 /* A */; code <= 0x5a /* Z */; code++) {
    CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 0x61 /* a */; code <= 0x7a /* z */; code++) {
    CHAR_MAP[code] |= TOKEN_FLAG;
}
/**
 * Null object perf optimization. Faster than `Object.create(null)` and `{ __proto__: null }`.
 */
const NullObject = /* @__PURE__ */ (() => {
    const C = function () { };
    C.prototype = Object.create(null);
    return C;
})();
/**
 * Validate a type string against RFC 9110.
 */
function isTypeValid(type, start = 0, end = type.length) {
    let hasSlash = false;
    for (let index = start; index < end; index++) {
        const code = type.charCodeAt(index);
        if (code === 47 /* / */) {
            if (hasSlash || index === start || index >= end - 1)
                return false;
            hasSlash = true;
        }
        else if (!isTokenCode(code)) {
            return false;
        }
    }
    return hasSlash;
}
/**
 * Validate a token against RFC 9110.
 */
function isTokenValid(token, start = 0, end = token.length) {
    if (start >= end)
        return false;
    for (let index = start; index < end; index++) {
        if (!isTokenCode(token.charCodeAt(index)))
            return false;
    }
    return true;
}
/**
 * Check whether a character code belongs to the token production in RFC 9110.
 */
function isTokenCode(code) {
    return (CHAR_MAP[code] & TOKEN_FLAG) !== 0;
}
/**
 * Serialize a parameter value.
 */
function parameterValue(str) {
    const len = str.length;
    if (len === 0)
        return '""';
    let index = 0;
    while (index < len && isTokenCode(str.charCodeAt(index)))
        index++;
    if (index === len)
        return str;
    let result = '"';
    let start = 0;
    while (index < len) {
        const code = str.charCodeAt(index);
        if (code !== HTAB && (code < SP || code === 127 || code > 255)) {
            throw new TypeError(`Invalid parameter value: ${str}`);
        }
        if (code === 34 /* " */ || code === 92 /* \\ */) {
            result += `${str.slice(start, index)}\\`;
            start = index;
        }
        index++;
    }
    return `${result}${str.slice(start)}"`;
}
/**
 * Format an object into a `Content-Type` header.
 */
function format(obj) {
    const { type, parameters } = obj;
    if (!type || !isTypeValid(type)) {
        throw new TypeError(`Invalid type: ${type}`);
    }
    let result = type;
    if (parameters) {
        for (const param of Object.keys(parameters)) {
            if (!isTokenValid(param)) {
                throw new TypeError(`Invalid parameter name: ${param}`);
            }
            result += `; ${param}=${parameterValue(parameters[param])}`;
        }
    }
    return result;
}
/**
 * Parse a `Content-Type` header.
 */
function dist_parse(header, options) {
    const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
    const len = header.length;
    let valueStart = options?.start ?? 0;
    while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
        valueStart++;
    }
    let index = valueStart;
    let typeFlags = 0;
    let whitespace = -1;
    let stop = options?.parameters === false ? COMMA_FLAG : 0;
    while (index < len) {
        const code = header.charCodeAt(index);
        const flags = CHAR_MAP[code];
        if ((flags & stopFlags) !== 0) {
            stop |= flags & COMMA_FLAG;
            break;
        }
        if ((flags & OWS) !== 0) {
            if (whitespace === -1)
                whitespace = index;
        }
        else {
            whitespace = -1;
        }
        typeFlags |= (code & NON_ASCII) | flags;
        index++;
    }
    const valueEnd = whitespace === -1 ? index : whitespace;
    const value = header.slice(valueStart, valueEnd);
    const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
    if (index === len || stop !== 0) {
        return { type, index, parameters: new NullObject() };
    }
    return parseParameters(header, type, index, len, stopFlags);
}
/**
 * Parses the parameters of a `Content-Type` header starting at the given index.
 */
function parseParameters(header, type, index, len, stopFlags) {
    const parameters = new NullObject();
    parameter: while (index < len) {
        index++; // Skip over ;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
            index++;
        }
        const keyStart = index;
        let keyFlags = 0;
        let keyWhitespace = -1;
        while (index < len) {
            const code = header.charCodeAt(index);
            const flags = CHAR_MAP[code];
            if ((flags & stopFlags) !== 0) {
                if ((flags & COMMA_FLAG) !== 0)
                    break parameter;
                continue parameter;
            }
            if (code === EQ) {
                const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
                const value = header.slice(keyStart, keyEnd);
                const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
                index++;
                while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
                    index++;
                }
                if (index < len && header.charCodeAt(index) === DQUOTE) {
                    const quotedStart = ++index;
                    let escaped = false;
                    while (index < len) {
                        const code = header.charCodeAt(index);
                        if (code === DQUOTE) {
                            if (parameters[key] === undefined) {
                                parameters[key] = escaped
                                    ? unescapeQuotedPairs(header, quotedStart, index)
                                    : header.slice(quotedStart, index);
                            }
                            index++;
                            let stop = 0;
                            // Discard characters between quote and delimiter.
                            while (index < len) {
                                const code = header.charCodeAt(index);
                                const flags = CHAR_MAP[code];
                                if ((flags & stopFlags) !== 0) {
                                    stop = flags & COMMA_FLAG;
                                    break;
                                }
                                index++;
                            }
                            if (stop !== 0)
                                break parameter;
                            continue parameter;
                        }
                        if (code === BSLASH && index + 1 < len) {
                            escaped = true;
                            index += 2;
                            continue;
                        }
                        index++;
                    }
                    continue parameter;
                }
                const valueStart = index;
                let stop = 0;
                let valueWhitespace = -1;
                while (index < len) {
                    const code = header.charCodeAt(index);
                    const flags = CHAR_MAP[code];
                    if ((flags & stopFlags) !== 0) {
                        stop = flags & COMMA_FLAG;
                        break;
                    }
                    if ((flags & OWS) !== 0) {
                        if (valueWhitespace === -1)
                            valueWhitespace = index;
                    }
                    else {
                        valueWhitespace = -1;
                    }
                    index++;
                }
                if (parameters[key] === undefined) {
                    const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
                    parameters[key] = header.slice(valueStart, valueEnd);
                }
                if (stop !== 0)
                    break parameter;
                continue parameter;
            }
            if ((flags & OWS) !== 0) {
                if (keyWhitespace === -1)
                    keyWhitespace = index;
            }
            else {
                keyWhitespace = -1;
            }
            keyFlags |= (code & NON_ASCII) | flags;
            index++;
        }
    }
    return { type, index, parameters };
}
/**
 * Remove backslashes from quoted pairs in a known-terminated quoted string body.
 */
function unescapeQuotedPairs(str, start, end) {
    let result = "";
    for (let index = start; index < end; index++) {
        if (str.charCodeAt(index) === BSLASH) {
            result += str.slice(start, index);
            start = ++index;
        }
    }
    return result + str.slice(start, end);
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/json-with-bigint/json-with-bigint.js
const intRegex = /^-?\d+$/;
const noiseValue = /^-?\d+n+$/; // Noise - strings that match the custom format before being converted to it
const originalStringify = JSON.stringify;
const originalParse = JSON.parse;
const customFormat = /^-?\d+n$/;

const bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
const noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;

/**
 * @typedef {(this: any, key: string | number | undefined, value: any) => any} Replacer
 * @typedef {(key: string | number | undefined, value: any, context?: { source: string }) => any} Reviver
 */

/**
 * Checks if a value is unstringifiable according to native JSON.stringify rules.
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is undefined, a function, or a symbol.
 */
const isUnstringifiable = (val) =>
  val === undefined || typeof val === "function" || typeof val === "symbol";

/**
 * Checks if a value is a native JSON.rawJSON object (Node.js 22+).
 *
 * @param {any} val The value to check.
 * @returns {boolean} True if the value is a RawJSON instance.
 */
const isRawJSON = (val) =>
  val !== null &&
  typeof val === "object" &&
  val.constructor &&
  val.constructor.name === "RawJSON";

/**
 * Iteratively converts a JS value to a JSON string.
 * Used as a fallback when the native JSON.stringify hits the Maximum Call Stack size.
 * Fully compliant with JSON formatting (space), replacers, and toJSON behaviors.
 *
 * @param {any} rootValue The value to stringify.
 * @param {Replacer | Array<string | number> | null} [replacer] User's custom replacer function.
 * @param {string | number} [spaceParam] Indentation for pretty-printing.
 * @returns {string | undefined} The generated JSON string.
 */
const stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";

  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }

  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer)
    ? new Set(replacer.map(String))
    : null;

  /**
   * Prepares a value for stringification by resolving toJSON, handling BigInts,
   * applying custom replacers, and unwrapping primitive objects.
   *
   * @param {object|Array} parent The parent object or array holding the value.
   * @param {string} key The key associated with the value.
   * @param {any} val The raw value to process.
   * @returns {any} The processed value ready for stringification.
   */
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";

    if (hasToJSON) {
      val = val.toJSON(key);
    }

    const isNoise = typeof val === "string" && noiseValue.test(val);

    if (isNoise) return val + "n";

    const isBigInt = typeof val === "bigint";

    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return JSON.rawJSON(val.toString());

      return val.toString() + "n";
    }

    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }

    const isPostReplacerObject = val !== null && typeof val === "object";

    if (isPostReplacerObject) {
      const isPrimitiveWrapper =
        val instanceof Number ||
        val instanceof String ||
        val instanceof Boolean;

      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }

    return val;
  };

  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);

  if (isUnstringifiable(rootProcessed)) {
    return undefined;
  }

  const isRootPrimitive =
    rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);

  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }

  const chunks = [];
  let level = 0;

  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true,
    },
  ];

  const visited = new WeakSet([rootProcessed]);

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }

    let isDone = false;

    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");

        if (space) chunks.push("\n" + space.repeat(level));

        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);

        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject =
            childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);

          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }

            visited.add(childVal);

            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true,
            });

            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];

        const isFilteredOutByArray = propertyList && !propertyList.has(k);

        if (isFilteredOutByArray) continue;

        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);

        if (isUnstringifiable(childVal)) continue;

        if (!node.first) chunks.push(",");

        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }

        const isComplexObject =
          childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);

        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }

          visited.add(childVal);

          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true,
          });

          node.first = false;

          break; // Stop current loop level to process the newly pushed stack node
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }

      const isNodeFullyProcessed =
        node.index >= node.keys.length && stack[stack.length - 1] === node;

      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }

    if (isDone) {
      level--;

      if (!node.first && space) chunks.push("\n" + space.repeat(level));

      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }

  return chunks.join("");
};

/**
 * Converts a JavaScript value to a JSON string.
 *
 * Supports serialization of BigInt values using two strategies:
 * 1. Custom format "123n" → "123" (universal fallback)
 * 2. Native JSON.rawJSON() (Node.js 22+, fastest) when available
 *
 * All other values are serialized exactly like native JSON.stringify().
 *
 * @param {*} value The value to convert to a JSON string.
 * @param {Replacer | Array<string | number> | null} [replacer]
 * A function that alters the behavior of the stringification process,
 * or an array of strings/numbers to indicate properties to exclude.
 * @param {string | number} [space]
 * A string or number to specify indentation or pretty-printing.
 * @returns {string} The JSON string representation.
 */
const JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;

    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());

          const hasFunctionReplacer = typeof replacer === "function";

          if (hasFunctionReplacer) return replacer(key, val);

          const isKeyInArrayReplacer =
            Array.isArray(replacer) && replacer.includes(key);

          if (isKeyInArrayReplacer) return val;

          return val;
        },
        space,
      );
    }

    if (!value) return originalStringify(value, replacer, space);

    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);

        if (isNoise) return val.toString() + "n"; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

        if (typeof val === "bigint") return val.toString() + "n";

        const hasFunctionReplacer = typeof replacer === "function";

        if (hasFunctionReplacer) return replacer(key, val);

        const isKeyInArrayReplacer =
          Array.isArray(replacer) && replacer.includes(key);

        if (isKeyInArrayReplacer) return val;

        return val;
      },
      space,
    );

    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3",
    ); // Delete one "n" off the end of every BigInt value

    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3"); // Remove one "n" off the end of every noisy string

    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);

      if (convertedJSON === undefined) return undefined;

      const supportsRawJSON = "rawJSON" in JSON;

      if (supportsRawJSON) return convertedJSON;

      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");

      return processedJSON.replace(noiseStringify, "$1$2$3");
    }

    throw error;
  }
};

const featureCache = new Map();

/**
 * Detects if the current JSON.parse implementation supports the context.source feature.
 *
 * Uses toString() fingerprinting to cache results and automatically detect runtime
 * replacements of JSON.parse (polyfills, mocks, etc.).
 *
 * @returns {boolean} true if context.source is supported, false otherwise.
 */
const isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();

  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }

  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1",
    );
    featureCache.set(parseFingerprint, result);

    return result;
  } catch {
    featureCache.set(parseFingerprint, false);

    return false;
  }
};

/**
 * Reviver function that converts custom-format BigInt strings back to BigInt values.
 * Also handles "noise" strings that accidentally match the BigInt format.
 *
 * @param {string | number | undefined} key The object key.
 * @param {*} value The value being parsed.
 * @param {object} [context] Parse context (if supported by JSON.parse).
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The transformed value.
 */
const convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt =
    typeof value === "string" && customFormat.test(value);

  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));

  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);

  const hasUserReviver = typeof userReviver === "function";

  if (!hasUserReviver) return value;

  return userReviver(key, value, context);
};

/**
 * Fast JSON.parse implementation (~2x faster than classic fallback).
 * Uses JSON.parse's context.source feature to detect integers and convert
 * large numbers directly to BigInt without string manipulation.
 *
 * Does not support legacy custom format from v1 of this library.
 *
 * @param {string} text JSON string to parse.
 * @param {Reviver} [reviver] Transform function to apply to each value.
 * @returns {any} Parsed JavaScript value.
 */
const JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds =
      value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;

    if (isBigInt) return BigInt(context.source);

    const hasCustomReviver = typeof reviver === "function";

    if (!hasCustomReviver) return value;

    return reviver(key, value, context);
  });
};

const MAX_INT = Number.MAX_SAFE_INTEGER.toString();
const MAX_DIGITS = MAX_INT.length;
const stringsOrLargeNumbers =
  /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
const noiseValueWithQuotes = /^"-?\d+n+"$/; // Noise - strings that match the custom format before being converted to it

/**
 * Iteratively traverses the parsed object bottom-up (post-order),
 * emulating the native JSON.parse reviver behavior.
 * This avoids Call Stack overflows (RangeError) on deeply nested structures.
 *
 * @param {any} parsed The natively parsed JSON object.
 * @param {Reviver} [userReviver] User's custom reviver function.
 * @returns {any} The fully processed object.
 */
const applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];

  while (stack.length > 0) {
    const node = stack[stack.length - 1];

    if (!node.visited) {
      node.visited = true;

      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";

      if (isComplexObject) {
        const keys = Object.keys(value);

        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];

      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);

        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);

          if (isNoise) value = value.slice(0, -1);
        }
      }

      const hasUserReviver = typeof userReviver === "function";

      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }

      const isDeleted = value === undefined;

      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }

      stack.pop();
    }
  }

  return rootHolder[""];
};

/**
 * Pre-processes the JSON string to mark large numbers with an 'n' suffix.
 *
 * @param {string} text The raw JSON string.
 * @returns {string} The serialized string with marked BigInts.
 */
const serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);

      if (isNoise) return match.substring(0, match.length - 1) + 'n"'; // Mark noise values with additional "n" to offset the deletion of one "n" during the processing

      const hasFractionalOrExponential = fractional || exponential;

      // With a fixed number of digits, we can correctly use lexicographical comparison to do a numeric comparison
      const isLessThanMaxSafeInt =
        digits &&
        (digits.length < MAX_DIGITS ||
          (digits.length === MAX_DIGITS && digits <= MAX_INT));

      const isStandardValue =
        isString || hasFractionalOrExponential || isLessThanMaxSafeInt;

      if (isStandardValue) return match;

      return '"' + match + 'n"';
    },
  );
};

/**
 * Converts a JSON string into a JavaScript value.
 *
 * Supports parsing of large integers using two strategies:
 * 1. Classic fallback: Marks large numbers with "123n" format, then converts to BigInt
 * 2. Fast path (JSONParseV2): Uses context.source feature (~2x faster) when available
 *
 * All other JSON values are parsed exactly like native JSON.parse().
 *
 * @param {string} text A valid JSON string.
 * @param {Reviver} [reviver]
 * A function that transforms the results. This function is called for each member
 * of the object. If a member contains nested objects, the nested objects are
 * transformed before the parent object is.
 * @returns {any} The parsed JavaScript value.
 * @throws {SyntaxError} If text is not valid JSON.
 */
const JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);

  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver); // Shortcut to a faster (2x) and simpler version

    // Find and mark big numbers with "n"
    const serializedData = serializeBigInts(text);

    return originalParse(serializedData, (key, value, context) =>
      convertMarkedBigIntsReviver(key, value, context, reviver),
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);

      return applyReviverIteratively(parsed, reviver);
    }

    throw error;
  }
};



;// CONCATENATED MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
class RequestError extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    /* v8 ignore else -- @preserve -- Bug with vitest coverage where it sees an else branch that doesn't exist */
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
}


;// CONCATENATED MODULE: ./node_modules/@octokit/request/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/defaults.js


// pkg/dist-src/version.js
var dist_bundle_VERSION = "10.0.16";

// pkg/dist-src/defaults.js
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${dist_bundle_VERSION} ${getUserAgent()}`
  }
};

// pkg/dist-src/fetch-wrapper.js



// pkg/dist-src/is-plain-object.js
function dist_bundle_isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}

// pkg/dist-src/fetch-wrapper.js

var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = dist_bundle_isPlainObject(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = dist_parse(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}

// pkg/dist-src/with-defaults.js
function dist_bundle_withDefaults(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: dist_bundle_withDefaults.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: dist_bundle_withDefaults.bind(null, endpoint2)
  });
}

// pkg/dist-src/index.js
var request = dist_bundle_withDefaults(endpoint, defaults_default);

/* v8 ignore next -- @preserve */
/* v8 ignore else -- @preserve */

;// CONCATENATED MODULE: ./node_modules/@octokit/graphql/dist-bundle/index.js
// pkg/dist-src/index.js



// pkg/dist-src/version.js
var graphql_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/with-defaults.js


// pkg/dist-src/graphql.js


// pkg/dist-src/error.js
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};

// pkg/dist-src/graphql.js
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}

// pkg/dist-src/with-defaults.js
function graphql_dist_bundle_withDefaults(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: graphql_dist_bundle_withDefaults.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}

// pkg/dist-src/index.js
var graphql2 = graphql_dist_bundle_withDefaults(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${graphql_dist_bundle_VERSION} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return graphql_dist_bundle_withDefaults(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

/* v8 ignore if -- @preserve */

;// CONCATENATED MODULE: ./node_modules/@octokit/auth-token/dist-bundle/index.js
// pkg/dist-src/is-jwt.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);

// pkg/dist-src/auth.js
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}

// pkg/dist-src/with-authorization-prefix.js
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}

// pkg/dist-src/hook.js
async function hook(token, request, route, parameters) {
  const endpoint = request.endpoint.merge(
    route,
    parameters
  );
  endpoint.headers.authorization = withAuthorizationPrefix(token);
  return request(endpoint);
}

// pkg/dist-src/index.js
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};


;// CONCATENATED MODULE: ./node_modules/@octokit/core/dist-src/version.js
const version_VERSION = "7.0.8";


;// CONCATENATED MODULE: ./node_modules/@octokit/core/dist-src/index.js






const dist_src_noop = () => {
};
const consoleWarn = console.warn.bind(console);
const consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = dist_src_noop;
  }
  if (typeof logger.info !== "function") {
    logger.info = dist_src_noop;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
const userAgentTrail = `octokit-core.js/${version_VERSION} ${getUserAgent()}`;
class Octokit {
  static VERSION = version_VERSION;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook = new before_after_hook.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth = createTokenAuth(options.auth);
        hook.wrap("request", auth.hook);
        this.auth = auth;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook.wrap("request", auth.hook);
      this.auth = auth;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
}


;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
// pkg/dist-src/version.js
var plugin_paginate_rest_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/normalize-paginated-list-response.js
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}

// pkg/dist-src/iterator.js
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}

// pkg/dist-src/paginate.js
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}

// pkg/dist-src/compose-paginate.js
var composePaginateRest = Object.assign(paginate, {
  iterator
});

// pkg/dist-src/generated/paginating-endpoints.js
var paginatingEndpoints = (/* unused pure expression or super */ null && ([
  "GET /advisories",
  "GET /app/hook/deliveries",
  "GET /app/installation-requests",
  "GET /app/installations",
  "GET /assignments/{assignment_id}/accepted_assignments",
  "GET /classrooms",
  "GET /classrooms/{classroom_id}/assignments",
  "GET /enterprises/{enterprise}/code-security/configurations",
  "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories",
  "GET /enterprises/{enterprise}/dependabot/alerts",
  "GET /enterprises/{enterprise}/teams",
  "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships",
  "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations",
  "GET /events",
  "GET /gists",
  "GET /gists/public",
  "GET /gists/starred",
  "GET /gists/{gist_id}/comments",
  "GET /gists/{gist_id}/commits",
  "GET /gists/{gist_id}/forks",
  "GET /installation/repositories",
  "GET /issues",
  "GET /licenses",
  "GET /marketplace_listing/plans",
  "GET /marketplace_listing/plans/{plan_id}/accounts",
  "GET /marketplace_listing/stubbed/plans",
  "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts",
  "GET /networks/{owner}/{repo}/events",
  "GET /notifications",
  "GET /organizations",
  "GET /organizations/{org}/dependabot/repository-access",
  "GET /orgs/{org}/actions/cache/usage-by-repository",
  "GET /orgs/{org}/actions/hosted-runners",
  "GET /orgs/{org}/actions/permissions/repositories",
  "GET /orgs/{org}/actions/permissions/self-hosted-runners/repositories",
  "GET /orgs/{org}/actions/runner-groups",
  "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners",
  "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories",
  "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/runners",
  "GET /orgs/{org}/actions/runners",
  "GET /orgs/{org}/actions/secrets",
  "GET /orgs/{org}/actions/secrets/{secret_name}/repositories",
  "GET /orgs/{org}/actions/variables",
  "GET /orgs/{org}/actions/variables/{name}/repositories",
  "GET /orgs/{org}/attestations/repositories",
  "GET /orgs/{org}/attestations/{subject_digest}",
  "GET /orgs/{org}/blocks",
  "GET /orgs/{org}/campaigns",
  "GET /orgs/{org}/code-scanning/alerts",
  "GET /orgs/{org}/code-security/configurations",
  "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories",
  "GET /orgs/{org}/codespaces",
  "GET /orgs/{org}/codespaces/secrets",
  "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories",
  "GET /orgs/{org}/copilot/billing/seats",
  "GET /orgs/{org}/copilot/metrics",
  "GET /orgs/{org}/dependabot/alerts",
  "GET /orgs/{org}/dependabot/secrets",
  "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories",
  "GET /orgs/{org}/events",
  "GET /orgs/{org}/failed_invitations",
  "GET /orgs/{org}/hooks",
  "GET /orgs/{org}/hooks/{hook_id}/deliveries",
  "GET /orgs/{org}/insights/api/route-stats/{actor_type}/{actor_id}",
  "GET /orgs/{org}/insights/api/subject-stats",
  "GET /orgs/{org}/insights/api/user-stats/{user_id}",
  "GET /orgs/{org}/installations",
  "GET /orgs/{org}/invitations",
  "GET /orgs/{org}/invitations/{invitation_id}/teams",
  "GET /orgs/{org}/issues",
  "GET /orgs/{org}/members",
  "GET /orgs/{org}/members/{username}/codespaces",
  "GET /orgs/{org}/migrations",
  "GET /orgs/{org}/migrations/{migration_id}/repositories",
  "GET /orgs/{org}/organization-roles/{role_id}/teams",
  "GET /orgs/{org}/organization-roles/{role_id}/users",
  "GET /orgs/{org}/outside_collaborators",
  "GET /orgs/{org}/packages",
  "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
  "GET /orgs/{org}/personal-access-token-requests",
  "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories",
  "GET /orgs/{org}/personal-access-tokens",
  "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories",
  "GET /orgs/{org}/private-registries",
  "GET /orgs/{org}/projects",
  "GET /orgs/{org}/projectsV2",
  "GET /orgs/{org}/projectsV2/{project_number}/fields",
  "GET /orgs/{org}/projectsV2/{project_number}/items",
  "GET /orgs/{org}/properties/values",
  "GET /orgs/{org}/public_members",
  "GET /orgs/{org}/repos",
  "GET /orgs/{org}/rulesets",
  "GET /orgs/{org}/rulesets/rule-suites",
  "GET /orgs/{org}/rulesets/{ruleset_id}/history",
  "GET /orgs/{org}/secret-scanning/alerts",
  "GET /orgs/{org}/security-advisories",
  "GET /orgs/{org}/settings/immutable-releases/repositories",
  "GET /orgs/{org}/settings/network-configurations",
  "GET /orgs/{org}/team/{team_slug}/copilot/metrics",
  "GET /orgs/{org}/teams",
  "GET /orgs/{org}/teams/{team_slug}/discussions",
  "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions",
  "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions",
  "GET /orgs/{org}/teams/{team_slug}/invitations",
  "GET /orgs/{org}/teams/{team_slug}/members",
  "GET /orgs/{org}/teams/{team_slug}/projects",
  "GET /orgs/{org}/teams/{team_slug}/repos",
  "GET /orgs/{org}/teams/{team_slug}/teams",
  "GET /projects/{project_id}/collaborators",
  "GET /repos/{owner}/{repo}/actions/artifacts",
  "GET /repos/{owner}/{repo}/actions/caches",
  "GET /repos/{owner}/{repo}/actions/organization-secrets",
  "GET /repos/{owner}/{repo}/actions/organization-variables",
  "GET /repos/{owner}/{repo}/actions/runners",
  "GET /repos/{owner}/{repo}/actions/runs",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs",
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs",
  "GET /repos/{owner}/{repo}/actions/secrets",
  "GET /repos/{owner}/{repo}/actions/variables",
  "GET /repos/{owner}/{repo}/actions/workflows",
  "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
  "GET /repos/{owner}/{repo}/activity",
  "GET /repos/{owner}/{repo}/assignees",
  "GET /repos/{owner}/{repo}/attestations/{subject_digest}",
  "GET /repos/{owner}/{repo}/branches",
  "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
  "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs",
  "GET /repos/{owner}/{repo}/code-scanning/alerts",
  "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
  "GET /repos/{owner}/{repo}/code-scanning/analyses",
  "GET /repos/{owner}/{repo}/codespaces",
  "GET /repos/{owner}/{repo}/codespaces/devcontainers",
  "GET /repos/{owner}/{repo}/codespaces/secrets",
  "GET /repos/{owner}/{repo}/collaborators",
  "GET /repos/{owner}/{repo}/comments",
  "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions",
  "GET /repos/{owner}/{repo}/commits",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs",
  "GET /repos/{owner}/{repo}/commits/{ref}/check-suites",
  "GET /repos/{owner}/{repo}/commits/{ref}/status",
  "GET /repos/{owner}/{repo}/commits/{ref}/statuses",
  "GET /repos/{owner}/{repo}/compare/{basehead}",
  "GET /repos/{owner}/{repo}/compare/{base}...{head}",
  "GET /repos/{owner}/{repo}/contributors",
  "GET /repos/{owner}/{repo}/dependabot/alerts",
  "GET /repos/{owner}/{repo}/dependabot/secrets",
  "GET /repos/{owner}/{repo}/deployments",
  "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses",
  "GET /repos/{owner}/{repo}/environments",
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies",
  "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps",
  "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets",
  "GET /repos/{owner}/{repo}/environments/{environment_name}/variables",
  "GET /repos/{owner}/{repo}/events",
  "GET /repos/{owner}/{repo}/forks",
  "GET /repos/{owner}/{repo}/hooks",
  "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries",
  "GET /repos/{owner}/{repo}/invitations",
  "GET /repos/{owner}/{repo}/issues",
  "GET /repos/{owner}/{repo}/issues/comments",
  "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions",
  "GET /repos/{owner}/{repo}/issues/events",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/events",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/labels",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/reactions",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues",
  "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
  "GET /repos/{owner}/{repo}/keys",
  "GET /repos/{owner}/{repo}/labels",
  "GET /repos/{owner}/{repo}/milestones",
  "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels",
  "GET /repos/{owner}/{repo}/notifications",
  "GET /repos/{owner}/{repo}/pages/builds",
  "GET /repos/{owner}/{repo}/projects",
  "GET /repos/{owner}/{repo}/pulls",
  "GET /repos/{owner}/{repo}/pulls/comments",
  "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments",
  "GET /repos/{owner}/{repo}/releases",
  "GET /repos/{owner}/{repo}/releases/{release_id}/assets",
  "GET /repos/{owner}/{repo}/releases/{release_id}/reactions",
  "GET /repos/{owner}/{repo}/rules/branches/{branch}",
  "GET /repos/{owner}/{repo}/rulesets",
  "GET /repos/{owner}/{repo}/rulesets/rule-suites",
  "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history",
  "GET /repos/{owner}/{repo}/secret-scanning/alerts",
  "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations",
  "GET /repos/{owner}/{repo}/security-advisories",
  "GET /repos/{owner}/{repo}/stargazers",
  "GET /repos/{owner}/{repo}/subscribers",
  "GET /repos/{owner}/{repo}/tags",
  "GET /repos/{owner}/{repo}/teams",
  "GET /repos/{owner}/{repo}/topics",
  "GET /repositories",
  "GET /search/code",
  "GET /search/commits",
  "GET /search/issues",
  "GET /search/labels",
  "GET /search/repositories",
  "GET /search/topics",
  "GET /search/users",
  "GET /teams/{team_id}/discussions",
  "GET /teams/{team_id}/discussions/{discussion_number}/comments",
  "GET /teams/{team_id}/discussions/{discussion_number}/comments/{comment_number}/reactions",
  "GET /teams/{team_id}/discussions/{discussion_number}/reactions",
  "GET /teams/{team_id}/invitations",
  "GET /teams/{team_id}/members",
  "GET /teams/{team_id}/projects",
  "GET /teams/{team_id}/repos",
  "GET /teams/{team_id}/teams",
  "GET /user/blocks",
  "GET /user/codespaces",
  "GET /user/codespaces/secrets",
  "GET /user/emails",
  "GET /user/followers",
  "GET /user/following",
  "GET /user/gpg_keys",
  "GET /user/installations",
  "GET /user/installations/{installation_id}/repositories",
  "GET /user/issues",
  "GET /user/keys",
  "GET /user/marketplace_purchases",
  "GET /user/marketplace_purchases/stubbed",
  "GET /user/memberships/orgs",
  "GET /user/migrations",
  "GET /user/migrations/{migration_id}/repositories",
  "GET /user/orgs",
  "GET /user/packages",
  "GET /user/packages/{package_type}/{package_name}/versions",
  "GET /user/public_emails",
  "GET /user/repos",
  "GET /user/repository_invitations",
  "GET /user/social_accounts",
  "GET /user/ssh_signing_keys",
  "GET /user/starred",
  "GET /user/subscriptions",
  "GET /user/teams",
  "GET /users",
  "GET /users/{username}/attestations/{subject_digest}",
  "GET /users/{username}/events",
  "GET /users/{username}/events/orgs/{org}",
  "GET /users/{username}/events/public",
  "GET /users/{username}/followers",
  "GET /users/{username}/following",
  "GET /users/{username}/gists",
  "GET /users/{username}/gpg_keys",
  "GET /users/{username}/keys",
  "GET /users/{username}/orgs",
  "GET /users/{username}/packages",
  "GET /users/{username}/projects",
  "GET /users/{username}/projectsV2",
  "GET /users/{username}/projectsV2/{project_number}/fields",
  "GET /users/{username}/projectsV2/{project_number}/items",
  "GET /users/{username}/received_events",
  "GET /users/{username}/received_events/public",
  "GET /users/{username}/repos",
  "GET /users/{username}/social_accounts",
  "GET /users/{username}/ssh_signing_keys",
  "GET /users/{username}/starred",
  "GET /users/{username}/subscriptions"
]));

// pkg/dist-src/paginating-endpoints.js
function isPaginatingEndpoint(arg) {
  if (typeof arg === "string") {
    return paginatingEndpoints.includes(arg);
  } else {
    return false;
  }
}

// pkg/dist-src/index.js
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = plugin_paginate_rest_dist_bundle_VERSION;


;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
const dist_src_version_VERSION = "17.0.0";

//# sourceMappingURL=version.js.map

;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
const Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

//# sourceMappingURL=endpoints.js.map

;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js

const endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint] of Object.entries(endpoints)) {
    const [route, defaults, decorations] = endpoint;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
const handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache }, methodName) {
    if (cache[methodName]) {
      return cache[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

//# sourceMappingURL=endpoints-to-methods.js.map

;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js


function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = dist_src_version_VERSION;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = dist_src_version_VERSION;

//# sourceMappingURL=index.js.map

// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __nccwpck_require__(3251);
;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
// pkg/dist-src/version.js
var plugin_retry_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/error-request.js
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}

// pkg/dist-src/wrap-request.js


async function wrapRequest(state, octokit, request, options) {
  const limiter = new light();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request, options) {
  const response = await request(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}

// pkg/dist-src/index.js
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = plugin_retry_dist_bundle_VERSION;


;// CONCATENATED MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
// pkg/dist-src/index.js


// pkg/dist-src/version.js
var plugin_throttling_dist_bundle_VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var dist_bundle_noop = () => Promise.resolve();
function dist_bundle_wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, dist_bundle_noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, dist_bundle_noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, dist_bundle_noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = light,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return dist_bundle_wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = plugin_throttling_dist_bundle_VERSION;
throttling.triggersNotification = triggersNotification;


;// CONCATENATED MODULE: ./src/github/pacing.ts
// Pacing of GitHub requests, sized from GitHub's documented limits
// (https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
// "no more than 80 content-generating requests per minute and no more than 500 content-generating requests per
// hour", and 30 searches a minute (primary limit of the search resource). A fixed one-second gap between writes
// (GitHub's best-practice advice, which plugin-throttling applies by default) stays inside them too, but makes the
// dozen writes of one event cost a dozen seconds; a token bucket sends them at once and still never gets near the
// limits.
//
// A bucket of `burst` tokens refilled one per `refillMs`: in ANY window of T ms at most burst + T/refillMs requests
// leave, and at most `perHour` in any hour (a sliding window of send times). Defaults (CONTENT_PACING):
// burst 20 + 60 s / 1.2 s = 70 writes in any minute (limit 80) and 400 in any hour (limit 500); every write counts,
// whether GitHub would call it content-generating or not. The bucket is per process: concurrent workflow runs share
// GitHub's limits but not this bucket, which is why the margins are wide and why a secondary-limit answer is
// still honoured (plugin-throttling retries it after its `retry-after`).
/** Writes (POST, PATCH, PUT, DELETE). */
const pacing_CONTENT_PACING = { burst: 20, refillMs: 1200, perHour: 400 };
/** Searches: 5 + 60 s / 2.5 s = 29 in any minute, under the search resource's 30. */
const pacing_SEARCH_PACING = { burst: 5, refillMs: 2500 };
const pacing_REAL_TIME = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    scale: 1,
};
const HOUR_MS = 3_600_000;
class pacing_TokenBucket {
    limits;
    time;
    tokens;
    refilledAt;
    sent = [];
    /** Requests wait in order: a chain, so two waiters never take the same token. */
    queue = Promise.resolve();
    constructor(limits, time = pacing_REAL_TIME) {
        this.limits = limits;
        this.time = time;
        this.tokens = limits.burst;
        this.refilledAt = time.now();
    }
    /** Resolves when one request may leave, and counts it as sent. */
    take() {
        const turn = this.queue.then(() => this.waitForToken());
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    refill(now) {
        const refillMs = this.limits.refillMs * this.time.scale;
        const earned = Math.floor((now - this.refilledAt) / refillMs);
        if (earned <= 0)
            return;
        this.tokens = Math.min(this.limits.burst, this.tokens + earned);
        // Time not yet worth a token carries over, unless the bucket is full (a full bucket earns nothing).
        this.refilledAt = this.tokens === this.limits.burst ? now : this.refilledAt + earned * refillMs;
    }
    /** How long until the next request may leave; 0 when it may leave now. */
    waitMs(now) {
        this.refill(now);
        const hour = HOUR_MS * this.time.scale;
        while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - hour)
            this.sent.shift();
        const hourly = this.limits.perHour !== undefined && this.sent.length >= this.limits.perHour
            ? (this.sent[0] ?? now) + hour - now
            : 0;
        const bucket = this.tokens >= 1 ? 0 : this.refilledAt + this.limits.refillMs * this.time.scale - now;
        return Math.max(hourly, bucket, 0);
    }
    async waitForToken() {
        for (let wait = this.waitMs(this.time.now()); wait > 0; wait = this.waitMs(this.time.now()))
            await this.time.sleep(wait);
        this.tokens -= 1;
        this.sent.push(this.time.now());
    }
}
/**
 * The shape plugin-throttling expects of a Bottleneck group (`group.key(id).schedule(options, job, ...args)`), on a
 * token bucket; or, without one, a group that runs each job at once (pacing off).
 */
function pacing_bucketGroup(bucket) {
    const limiter = {
        schedule: async (_options, job, ...args) => {
            if (bucket)
                await bucket.take();
            return job(...args);
        },
    };
    return { key: () => limiter };
}

;// CONCATENATED MODULE: ./src/github/octokit.ts
// The Octokit the adapter talks through: @octokit/core with the REST methods and pagination (what @actions/github
// assembles, without its bundled undici: requests go through Node's own fetch, and the proxy-aware undici is loaded
// only when a proxy applies), and GitHub's recommended handling of failures. plugin-retry retries 5xx and transport
// errors with a quadratic backoff; plugin-throttling paces writes and searches (pacing.ts) and retries secondary
// (and short primary) rate limits after the `retry-after` GitHub asks for.







const PacedOctokit = Octokit.plugin(restEndpointMethods, paginateRest, retry, throttling);
const GITHUB_API = 'https://api.github.com';
/**
 * Node's fetch, unless HTTPS_PROXY / HTTP_PROXY applies to `baseUrl` (NO_PROXY and loopback honoured, as
 * @actions/http-client decides): then undici's ProxyAgent, loaded on the first request.
 */
function fetchFor(baseUrl) {
    if (!getProxyUrl(new URL(baseUrl)))
        return globalThis.fetch;
    let proxied;
    const load = async () => {
        const [{ HttpClient }, undici] = await Promise.all([Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(779)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2779)), __nccwpck_require__.e(/* import() */ 752).then(__nccwpck_require__.t.bind(__nccwpck_require__, 6752, 19))]);
        const dispatcher = new HttpClient().getAgentDispatcher(baseUrl);
        return ((url, init) => undici.fetch(url, { ...init, dispatcher }));
    };
    return (async (url, init) => (await (proxied ??= load()))(url, init));
}
function octokit_createOctokit(options) {
    const unit = options.delayUnitMs ?? 1000;
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const maxWait = options.maxRateLimitWaitSeconds ?? 90;
    const log = options.log ?? (() => undefined);
    const describe = (request) => `${request.method} ${request.url}`;
    const throttle = {
        retryAfterBaseValue: unit,
        onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryCount >= rateLimitRetries)
                return false;
            log(`GitHub secondary rate limit on ${describe(request)}; retrying after ${retryAfter}s`);
            return true;
        },
        onRateLimit: (retryAfter, request, _octokit, retryCount) => {
            if (retryCount >= rateLimitRetries || retryAfter > maxWait)
                return false;
            log(`GitHub rate limit exhausted on ${describe(request)}; retrying after ${retryAfter}s`);
            return true;
        },
    };
    // Comments are writes: the write bucket already paces them, so the plugin's extra per-comment gap is dropped.
    const immediate = bucketGroup();
    if (options.pacing === false) {
        Object.assign(throttle, {
            global: immediate,
            write: immediate,
            search: immediate,
            notifications: immediate,
        });
    }
    else {
        const time = { ...REAL_TIME, scale: unit / 1000 };
        Object.assign(throttle, {
            write: bucketGroup(new TokenBucket(CONTENT_PACING, time)),
            search: bucketGroup(new TokenBucket(SEARCH_PACING, time)),
            notifications: immediate,
        });
    }
    const baseUrl = (options.baseUrl || GITHUB_API).replace(/\/+$/, '');
    return new PacedOctokit({
        auth: `token ${options.token}`,
        baseUrl,
        request: { fetch: fetchFor(baseUrl) },
        retry: {
            retries: options.retries ?? 3,
            retryAfterBaseValue: unit,
            // 429 is a rate limit: plugin-throttling owns it (it honours retry-after), so plugin-retry must not also retry.
            doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        },
        throttle,
    });
}

;// CONCATENATED MODULE: ./src/github/search-query.ts
const MAX_QUERY_LENGTH = 256;
/** GitHub stops returning results after the first 1,000 of any query. */
const search_query_MAX_SEARCH_RESULTS = 1000;
/** ` created:2024-01-01T00:00:00Z..2024-12-31T23:59:59Z`: every query leaves room for one. */
const RANGE_ROOM = ' created:'.length + 2 * '2024-01-01T00:00:00Z'.length + '..'.length;
/**
 * GitHub counts the query in characters; counting UTF-16 units (an emoji is two) can only over-estimate, so a query
 * that passes here passes there.
 */
function search_query_length(text) {
    return text.length;
}
/**
 * The queries that together find every PR in `repo` carrying any of `labels` (each query ORs a chunk of them with
 * `label:"a","b"`), each short enough to take a `created:` range later. Labels repeated modulo case are asked once.
 * Throws on input GitHub cannot search for: no labels, or a label containing a double quote.
 */
function search_query_buildSearchQueries(repo, labels, state) {
    if (labels.length === 0)
        throw new Error('searchPullRequests needs at least one label to search for');
    const quoted = labels.find((label) => label.includes('"'));
    if (quoted !== undefined) {
        throw new Error(`Cannot search for label ${JSON.stringify(quoted)}: GitHub search cannot quote a label with "`);
    }
    const seen = new Set();
    const unique = labels.filter((label) => {
        const key = label.toLowerCase();
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const stateQualifier = state === 'all' ? '' : ` is:${state}`;
    const base = `is:pr repo:${repo.owner}/${repo.repo}${stateQualifier} label:`;
    const budget = MAX_QUERY_LENGTH - RANGE_ROOM;
    const queries = [];
    let current = '';
    for (const label of unique) {
        const term = `"${label}"`;
        const candidate = current === '' ? `${base}${term}` : `${current},${term}`;
        if (search_query_length(candidate) <= budget) {
            current = candidate;
        }
        else if (current === '') {
            throw new Error(`Cannot search for label ${JSON.stringify(label)}: the query would exceed ${MAX_QUERY_LENGTH} characters`);
        }
        else {
            queries.push(current);
            current = `${base}${term}`;
            if (search_query_length(current) > budget) {
                throw new Error(`Cannot search for label ${JSON.stringify(label)}: the query would exceed ${MAX_QUERY_LENGTH} characters`);
            }
        }
    }
    queries.push(current);
    return queries;
}
/** UTC as `Z`: shorter than `+00:00`, and no `+` for any layer to mistake for an encoded space. */
function isoSeconds(date) {
    return `${date.toISOString().slice(0, 19)}Z`;
}
function search_query_withCreatedRange(query, range) {
    return `${query} created:${isoSeconds(range.from)}..${isoSeconds(range.to)}`;
}
/** Truncates to the whole second (GitHub's `created_at` has no fraction). */
function search_query_floorToSecond(date) {
    return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
/**
 * Two halves that together cover `range` exactly and do not overlap, or undefined when the range is a single
 * second and cannot be split further.
 */
function search_query_splitRange(range) {
    const from = search_query_floorToSecond(range.from).getTime();
    const to = search_query_floorToSecond(range.to).getTime();
    if (to <= from)
        return undefined;
    const middle = from + Math.floor((to - from) / 2000) * 1000;
    return [
        { from: new Date(from), to: new Date(middle) },
        { from: new Date(middle + 1000), to: new Date(to) },
    ];
}

;// CONCATENATED MODULE: ./src/github/adapter.ts









const PER_PAGE = 100;
const HEX_COLOR = /^[0-9a-fA-F]{6}$/;
const MARKER = /^<!--[\s\S]*\S[\s\S]*-->$/;
const MAX_DEPLOYMENT_STATUS_DESCRIPTION = 140;
/** How far from its expiry a lease must be for its holder to release it without reading it first. */
const RELEASE_MARGIN_MS = (/* unused pure expression or super */ null && (5 * 60_000));
/** Issue and pull-request objects carry labels as objects; a few old payloads carry bare names. */
function labelNames(labels) {
    return labels.flatMap((label) => {
        const name = typeof label === 'string' ? label : label.name;
        return name === undefined ? [] : [name];
    });
}
function badInput(operation, message) {
    return new GitHubError(operation, undefined, message);
}
class adapter_OctokitGitHub {
    repo;
    octokit;
    codec;
    lockColor;
    clock;
    log;
    /** Fences this instance created when taking over a lock, deleted again on release (see acquireLock). */
    fences = new Map();
    /** Who this token comments as: given, or learnt from the first comment it created (see own-comment.ts). */
    identity;
    /**
     * Comments this instance created, or found by marker and author: `pr marker` → id and last body. A comment's
     * author never changes, so an id verified once is the action's own for the life of the process.
     */
    ownComments = new Map();
    constructor(options) {
        this.repo = { owner: options.repo.owner, repo: options.repo.repo };
        this.octokit = createOctokit(options);
        this.codec = options.lockCodec ?? DEFAULT_LOCK_CODEC;
        this.lockColor = options.lockColor ?? 'ededed';
        this.clock = options.clock ?? (() => new Date());
        this.log = options.log ?? (() => undefined);
        this.identity = options.identity;
    }
    get slug() {
        return `${this.repo.owner}/${this.repo.repo}`;
    }
    prNotFound(number) {
        return `pull request #${number} not found in ${this.slug}`;
    }
    /** Runs one operation, turning any failure into a GitHubError. */
    async run(operation, what, body, pr) {
        try {
            return await body();
        }
        catch (error) {
            throw toGitHubError(error, operation, what, pr === undefined ? undefined : this.prNotFound(pr));
        }
    }
    checkNumber(operation, number, what = 'pull request number') {
        if (!Number.isSafeInteger(number) || number <= 0) {
            throw badInput(operation, `Invalid ${what} ${String(number)}: expected a positive whole number`);
        }
    }
    checkLabelName(operation, name) {
        if (name.trim() === '' || characters(name) > LABEL_MAX_LENGTH) {
            throw badInput(operation, `Invalid label name ${JSON.stringify(name)}: expected 1 to ${LABEL_MAX_LENGTH} characters`);
        }
    }
    /** ONE request: GET pulls/{n} embeds the labels. */
    async getPullRequest(number) {
        this.checkNumber('getPullRequest', number);
        return this.run('getPullRequest', `reading pull request #${number} in ${this.slug}`, async () => {
            const { data } = await this.octokit.rest.pulls.get({ ...this.repo, pull_number: number });
            // A deleted head repository (null) can only have been a fork: a branch of this repository cannot outlive it.
            const headRepo = data.head.repo?.full_name;
            const headSha = parseFullSha(data.head.sha);
            if (headSha === undefined)
                throw new Error(`GitHub gave pull request #${number} the head SHA ${JSON.stringify(data.head.sha)}; expected ${FORMS.commit}`);
            return {
                number: data.number,
                headSha,
                open: data.state === 'open',
                author: data.user?.login ?? '',
                fromFork: headRepo === undefined || headRepo.toLowerCase() !== data.base.repo.full_name.toLowerCase(),
                labels: labelNames(data.labels),
                createdAt: new Date(data.created_at),
            };
        }, number);
    }
    /** ceil(commits/100) requests, at most 3: GitHub lists the first 250 commits of a PR and no more. */
    async listPullRequestCommits(number) {
        this.checkNumber('listPullRequestCommits', number);
        return this.run('listPullRequestCommits', `listing the commits of pull request #${number} in ${this.slug}`, async () => {
            const commits = await this.octokit.paginate(this.octokit.rest.pulls.listCommits, {
                ...this.repo,
                pull_number: number,
                per_page: PER_PAGE,
            });
            return commits.map((commit) => commit.sha);
        }, number);
    }
    /**
     * ONE request (POST with the whole array; GitHub creates unknown labels on the fly). Resolves to the labels of the
     * PR afterwards, or undefined without any request when `names` is empty.
     */
    async addLabels(number, names) {
        this.checkNumber('addLabels', number);
        names.forEach((name) => this.checkLabelName('addLabels', name));
        if (names.length === 0)
            return undefined;
        return this.run('addLabels', `adding labels to pull request #${number} in ${this.slug}`, async () => {
            const { data } = await this.octokit.rest.issues.addLabels({
                ...this.repo,
                issue_number: number,
                labels: [...new Set(names)],
            });
            return labelNames(data);
        }, number);
    }
    /**
     * ONE request. True when this call removed the label; false when it was already gone. Of several concurrent
     * callers only one can get true, which makes this the compare-and-swap that consumes a trigger label.
     */
    async removeLabel(number, name) {
        this.checkNumber('removeLabel', number);
        this.checkLabelName('removeLabel', name);
        return this.run('removeLabel', `removing label "${name}" from pull request #${number} in ${this.slug}`, async () => {
            try {
                await this.octokit.rest.issues.removeLabel({ ...this.repo, issue_number: number, name });
                return true;
            }
            catch (error) {
                // "Label does not exist" is GitHub's answer for a label that is not (or no longer) on the PR; any other 404
                // means the PR itself is missing.
                if (statusOf(error) === 404 && /label does not exist/i.test(githubMessage(error)))
                    return false;
                throw error;
            }
        }, number);
    }
    /**
     * ceil(labels/100) requests to list, plus one POST per missing label and one PATCH per label whose color or
     * description differs. A 422 already_exists on POST means another run created it meanwhile: not an error.
     */
    async ensureLabelDefinitions(definitions) {
        for (const definition of definitions)
            this.checkDefinition('ensureLabelDefinitions', definition);
        const existing = new Map((await this.listRepoLabelsAs('ensureLabelDefinitions')).map((label) => [
            label.name.toLowerCase(),
            label,
        ]));
        const result = { created: [], updated: [] };
        for (const definition of definitions) {
            const current = existing.get(definition.name.toLowerCase());
            if (current === undefined) {
                if (await this.createLabel('ensureLabelDefinitions', definition))
                    result.created.push(definition.name);
                existing.set(definition.name.toLowerCase(), definition);
            }
            else if (current.color.toLowerCase() !== definition.color.toLowerCase() ||
                current.description !== definition.description) {
                await this.run('ensureLabelDefinitions', `updating label "${definition.name}" in ${this.slug}`, () => this.octokit.rest.issues.updateLabel({
                    ...this.repo,
                    name: current.name,
                    color: definition.color,
                    description: definition.description,
                }));
                result.updated.push(definition.name);
                existing.set(definition.name.toLowerCase(), definition);
            }
        }
        return result;
    }
    checkDefinition(operation, definition) {
        this.checkLabelName(operation, definition.name);
        if (!HEX_COLOR.test(definition.color)) {
            throw badInput(operation, `Invalid color ${JSON.stringify(definition.color)} for label "${definition.name}": ` +
                'expected 6 hexadecimal digits without #, e.g. f29513');
        }
        if (characters(definition.description) > LABEL_DESCRIPTION_MAX_LENGTH) {
            throw badInput(operation, `Invalid description for label "${definition.name}": expected at most ${LABEL_DESCRIPTION_MAX_LENGTH} characters`);
        }
    }
    /** True when created, false when the name already existed (422 already_exists). ONE request. */
    async createLabel(operation, definition) {
        return this.run(operation, `creating label "${definition.name}" in ${this.slug}`, async () => {
            try {
                await this.octokit.rest.issues.createLabel({ ...this.repo, ...definition });
                return true;
            }
            catch (error) {
                if (statusOf(error) === 422 && validationCodes(error).includes('already_exists'))
                    return false;
                throw error;
            }
        });
    }
    /** ceil(labels/100) requests. */
    async getLabelDefinition(name) {
        this.checkLabelName('getLabelDefinition', name);
        const label = await this.readLabel('getLabelDefinition', name);
        return label === undefined
            ? undefined
            : { name: label.name, color: label.color ?? '', description: label.description ?? '' };
    }
    async listRepoLabels() {
        return this.listRepoLabelsAs('listRepoLabels');
    }
    async listRepoLabelsAs(operation) {
        return this.run(operation, `listing the labels of ${this.slug}`, async () => {
            const labels = await this.octokit.paginate(this.octokit.rest.issues.listLabelsForRepo, {
                ...this.repo,
                per_page: PER_PAGE,
            });
            return labels.map((label) => ({
                name: label.name,
                color: label.color ?? '',
                description: label.description ?? '',
            }));
        });
    }
    /** ONE request. True when deleted, false when it was already gone. */
    async deleteRepoLabel(name) {
        this.checkLabelName('deleteRepoLabel', name);
        return this.deleteLabelAs('deleteRepoLabel', name);
    }
    async deleteLabelAs(operation, name) {
        return this.run(operation, `deleting label "${name}" from ${this.slug}`, async () => {
            try {
                await this.octokit.rest.issues.deleteLabel({ ...this.repo, name });
                return true;
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return false;
                throw error;
            }
        });
    }
    /**
     * Per query (labels are packed into as few ≤256-character queries as fit): ceil(results/100) requests when at most
     * 1,000 PRs match; otherwise one more request, then the creation dates are bisected until each window holds at
     * most 1,000 (GitHub returns no more per query), so every PR is found. Results are deduplicated by number.
     */
    async searchPullRequests(query) {
        let queries;
        try {
            queries = buildSearchQueries(this.repo, query.labels, query.state);
        }
        catch (error) {
            throw badInput('searchPullRequests', error.message);
        }
        const found = { pulls: new Map(), incomplete: false };
        await this.run('searchPullRequests', `searching pull requests in ${this.slug}`, async () => {
            for (const q of queries)
                await this.searchAll(q, undefined, found);
        });
        return {
            pulls: [...found.pulls.values()].sort((a, b) => a.number - b.number),
            incomplete: found.incomplete,
        };
    }
    /**
     * ONE request: the issues listing filtered by the label (served from the database, not the search index), first
     * page only: a per-SHA label is carried by one PR, and any carrier at all is what keeps the definition. A name with
     * a comma cannot be asked for (the filter is a comma-separated list), so it counts as carried: absence is never
     * assumed.
     */
    async listLabelCarriers(name) {
        this.checkLabelName('listLabelCarriers', name);
        if (name.includes(','))
            return { carried: true, numbers: [], pulls: [] };
        return this.run('listLabelCarriers', `listing what carries "${name}" in ${this.slug}`, async () => {
            const { data } = await this.octokit.rest.issues.listForRepo({
                ...this.repo,
                labels: name,
                state: 'all',
                per_page: PER_PAGE,
            });
            return {
                carried: data.length > 0,
                numbers: data.map((item) => item.number),
                pulls: data.filter((item) => item.pull_request !== undefined).map((item) => summaryOf(item)),
            };
        });
    }
    /**
     * Every result of `q` within `range` (the whole history when undefined) into `found`. Pages are requested by
     * number rather than through octokit.paginate: its search normalisation takes the first remaining key of the body
     * for the items, which breaks when GitHub puts `search_type` before `items`.
     */
    async searchAll(q, range, found) {
        const query = range === undefined ? q : withCreatedRange(q, range);
        const first = await this.searchPage(query, 1, found);
        if (first.total > MAX_SEARCH_RESULTS) {
            // Oldest first (see searchPage), so the first item is where this query's history starts.
            const window = range ?? {
                from: floorToSecond(first.oldest ?? new Date(0)),
                to: floorToSecond(this.clock()),
            };
            const halves = splitRange(window);
            // A single second with more than 1,000 PRs cannot be split further: take the 1,000 GitHub serves.
            if (halves !== undefined) {
                for (const half of halves)
                    await this.searchAll(q, half, found);
                return;
            }
        }
        const pages = Math.ceil(Math.min(first.total, MAX_SEARCH_RESULTS) / PER_PAGE);
        for (let page = 2; page <= pages; page++)
            await this.searchPage(query, page, found);
    }
    /** ONE request: page `page` of `query`, oldest first (stable as new PRs are opened), into `found`. */
    async searchPage(query, page, found) {
        // q is encoded here because Octokit leaves `+` unescaped in query strings and GitHub would read it as a space
        // (a label such as `c++` would silently match nothing).
        const { data } = (await this.octokit.request(`GET /search/issues?q=${encodeURIComponent(query)}`, {
            sort: 'created',
            order: 'asc',
            per_page: PER_PAGE,
            page,
        }));
        if (data.incomplete_results) {
            found.incomplete = true;
            this.log(`GitHub search timed out and returned partial results (page ${page}) for: ${query}`);
        }
        for (const item of data.items)
            found.pulls.set(item.number, summaryOf(item));
        const oldest = data.items[0];
        return {
            total: data.total_count,
            ...(oldest === undefined ? {} : { oldest: new Date(oldest.created_at) }),
        };
    }
    /**
     * ONE request. `role_name` distinguishes maintain and triage, which the legacy `permission` field folds into
     * write and read; a custom role falls back to `permission`. Not a collaborator (404) is `none`; anything else
     * throws, so callers fail closed.
     */
    async getPermission(login) {
        if (parseLogin(login) === undefined) {
            throw badInput('getPermission', `Invalid login ${JSON.stringify(login)}: expected ${FORMS.login}`);
        }
        return this.run('getPermission', `reading the permission of ${login} on ${this.slug}`, async () => {
            try {
                const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
                    ...this.repo,
                    username: login,
                });
                const known = (value) => typeof value === 'string' && PERMISSIONS.includes(value);
                const role = data.role_name;
                if (known(role))
                    return role;
                if (known(data.permission))
                    return data.permission;
                throw new Error(`GitHub reported an unknown permission ${JSON.stringify(data.permission)}`);
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return 'none';
                throw error;
            }
        });
    }
    checkMarker(operation, marker) {
        if (!MARKER.test(marker)) {
            throw badInput(operation, `Invalid comment marker ${JSON.stringify(marker)}: expected a hidden HTML comment, e.g. <!-- showtime-status -->`);
        }
    }
    /**
     * ceil(comments/100) requests: every page must be read because the newest comment bearing the marker is the one
     * we keep up to date (an older one is a leftover of a race or of a person quoting ours).
     */
    async findComment(number, marker) {
        this.checkNumber('findComment', number);
        this.checkMarker('findComment', marker);
        return this.findCommentAs('findComment', number, marker);
    }
    async findCommentAs(operation, number, marker) {
        return this.run(operation, `reading the comments of pull request #${number} in ${this.slug}`, async () => {
            const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, {
                ...this.repo,
                issue_number: number,
                per_page: PER_PAGE,
            });
            let latest;
            for (const comment of comments) {
                if (!comment.body?.includes(marker))
                    continue;
                // A marker in anyone else's comment is ignored: only the action's own comment is ever edited.
                if (!isOwnComment({ login: comment.user?.login ?? '', type: comment.user?.type }, this.identity))
                    continue;
                const candidate = commentOf(comment);
                if (latest === undefined || candidate.createdAt >= latest.createdAt)
                    latest = candidate;
            }
            if (latest !== undefined)
                this.ownComments.set(`${number} ${marker}`, latest.id);
            return latest;
        }, number);
    }
    /**
     * findComment's requests, plus ONE: a POST when there is no such comment, a PATCH when its body differs, none
     * when it is already up to date. The marker is put first in the body when the body lacks it.
     *
     * ONE request (the PATCH) when the comment's id is already verified: this instance found or created it, or
     * `verifiedId` names one this workflow run's own earlier step found by marker and author or created (the plan
     * record carries it). Never an id read from anything a person can write, such as a label: editing by id edits
     * whatever comment has it. A verified comment deleted meanwhile is looked for again, then created.
     */
    async upsertComment(number, marker, body, verifiedId) {
        this.checkNumber('upsertComment', number);
        this.checkMarker('upsertComment', marker);
        if (verifiedId !== undefined)
            this.checkNumber('upsertComment', verifiedId, 'comment id');
        const text = body.includes(marker) ? body : `${marker}\n${body}`;
        const key = `${number} ${marker}`;
        // Always written: another run may have changed the comment since this one last wrote it.
        const known = this.ownComments.get(key) ?? verifiedId;
        if (known !== undefined) {
            if (await this.updateOwnComment(number, known, text)) {
                this.ownComments.set(key, known);
                return { id: known, outcome: 'updated' };
            }
            this.ownComments.delete(key);
        }
        const existing = await this.findCommentAs('upsertComment', number, marker);
        if (existing !== undefined && existing.body === text)
            return { id: existing.id, outcome: 'unchanged' };
        const written = await this.run('upsertComment', `writing the status comment on pull request #${number} in ${this.slug}`, async () => {
            if (existing === undefined) {
                const { data } = await this.octokit.rest.issues.createComment({
                    ...this.repo,
                    issue_number: number,
                    body: text,
                });
                this.identity ??= data.user?.login;
                return { id: data.id, outcome: 'created' };
            }
            await this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: existing.id, body: text });
            return { id: existing.id, outcome: 'updated' };
        }, number);
        this.ownComments.set(key, written.id);
        return written;
    }
    /** ONE request: false when the comment is gone (404), so that the caller looks for it again. */
    async updateOwnComment(number, id, text) {
        try {
            await this.octokit.rest.issues.updateComment({ ...this.repo, comment_id: id, body: text });
            return true;
        }
        catch (error) {
            if (error.status === 404)
                return false;
            throw toGitHubError(error, 'upsertComment', `writing the status comment on pull request #${number} in ${this.slug}`);
        }
    }
    /** ONE request. */
    async createComment(number, body) {
        this.checkNumber('createComment', number);
        return this.run('createComment', `commenting on pull request #${number} in ${this.slug}`, async () => {
            const { data } = await this.octokit.rest.issues.createComment({
                ...this.repo,
                issue_number: number,
                body,
            });
            this.identity ??= data.user?.login;
            return { id: data.id };
        }, number);
    }
    /** ONE request (GitHub answers 200 instead of 201 when the reaction was already there: same outcome). */
    async reactToComment(commentId, content) {
        this.checkNumber('reactToComment', commentId, 'comment id');
        if (!REACTIONS.includes(content)) {
            throw badInput('reactToComment', `Invalid reaction ${JSON.stringify(content)}: expected one of ${REACTIONS.join(', ')}`);
        }
        await this.run('reactToComment', `reacting to comment ${commentId} in ${this.slug}`, () => this.octokit.rest.reactions.createForIssueComment({ ...this.repo, comment_id: commentId, content }));
    }
    /**
     * ONE request. `required_contexts: []` because the image is built from this SHA regardless of its checks;
     * `auto_merge: false` because a deployment must never merge the default branch into a PR.
     */
    async createDeployment(request) {
        if (request.ref.trim() === '' || request.environment.trim() === '') {
            throw badInput('createDeployment', 'Invalid deployment: expected a non-empty ref and environment');
        }
        return this.run('createDeployment', `creating a deployment of ${request.ref} to ${request.environment} in ${this.slug}`, async () => {
            const { data } = await this.octokit.rest.repos.createDeployment({
                ...this.repo,
                ref: request.ref,
                environment: request.environment,
                description: request.description,
                transient_environment: request.transient,
                production_environment: false,
                required_contexts: [],
                auto_merge: false,
                payload: request.payload ?? {},
            });
            if (!('id' in data))
                throw new Error(`GitHub did not create the deployment: ${data.message ?? ''}`);
            return deploymentOf(data);
        });
    }
    /**
     * ONE request. `auto_inactive` stays GitHub's default: a new success marks the older successful deployments of
     * the environment inactive, the non-transient ones only (GitHub's rule).
     */
    async createDeploymentStatus(deploymentId, status) {
        this.checkNumber('createDeploymentStatus', deploymentId, 'deployment id');
        if (!DEPLOYMENT_STATES.includes(status.state)) {
            throw badInput('createDeploymentStatus', `Invalid deployment state ${JSON.stringify(status.state)}: expected one of ${DEPLOYMENT_STATES.join(', ')}`);
        }
        const description = status.description === undefined
            ? undefined
            : [...status.description].slice(0, MAX_DEPLOYMENT_STATUS_DESCRIPTION).join('');
        await this.run('createDeploymentStatus', `setting deployment ${deploymentId} to ${status.state} in ${this.slug}`, () => this.octokit.rest.repos.createDeploymentStatus({
            ...this.repo,
            deployment_id: deploymentId,
            state: status.state,
            environment_url: status.environmentUrl,
            log_url: status.logUrl,
            description,
        }));
    }
    /** ceil(deployments/100) requests. */
    async listDeployments(filter) {
        return this.run('listDeployments', `listing deployments to ${filter.environment} in ${this.slug}`, async () => {
            const deployments = await this.octokit.paginate(this.octokit.rest.repos.listDeployments, {
                ...this.repo,
                environment: filter.environment,
                per_page: PER_PAGE,
            });
            return deployments.map(deploymentOf);
        });
    }
    /** ONE request: the label with its description, or undefined when it does not exist. */
    async readLabel(operation, name) {
        return this.run(operation, `reading label "${name}" in ${this.slug}`, async () => {
            try {
                const { data } = await this.octokit.rest.issues.getLabel({ ...this.repo, name });
                return data;
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return undefined;
                throw error;
            }
        });
    }
    /** ONE request: false when the label no longer exists. */
    async setDescription(operation, name, description) {
        return this.run(operation, `updating label "${name}" in ${this.slug}`, async () => {
            try {
                await this.octokit.rest.issues.updateLabel({ ...this.repo, name, description });
                return true;
            }
            catch (error) {
                if (statusOf(error) === 404)
                    return false;
                throw error;
            }
        });
    }
    leaseOf(label) {
        const lease = label === undefined ? undefined : this.codec.parse(label.description ?? '');
        return lease === undefined ? { acquired: false } : { acquired: false, ...lease };
    }
    describeLease(operation, holder, expiresAt) {
        try {
            return this.codec.describe({ holder, expiresAt });
        }
        catch (error) {
            throw badInput(operation, error.message);
        }
    }
    /**
     * A lock is a repository label whose description holds the lease. Requests:
     * - free: ONE (POST /labels; GitHub lets exactly one concurrent create of a name succeed);
     * - held by someone else, lease valid: 2 (POST 422, GET);
     * - held by us, lease valid: 3 (POST, GET, PATCH to the new expiry);
     * - lease expired (or unreadable): 4 (POST, GET, POST fence, then PATCH for the winner or GET for a loser).
     *
     * Taking over an expired lease is itself a compare-and-swap: every racer that read the same expired lease creates
     * the same fence label (named after that lease), and only the one that gets 201 rewrites the lease. Deleting and
     * re-creating the lock instead would let a racer that read the lease late delete the winner's fresh lock.
     */
    async acquireLock(name, holder, expiresAt, now) {
        this.checkLabelName('acquireLock', name);
        const description = this.describeLease('acquireLock', holder, expiresAt);
        const mine = { acquired: true, holder, expiresAt };
        const lock = { name, color: this.lockColor, description };
        if (await this.createLabel('acquireLock', lock))
            return mine;
        const current = await this.readLabel('acquireLock', name);
        if (current === undefined) {
            // Released between our POST and GET: one more attempt at the plain create.
            return this.createOrReport(lock, mine);
        }
        const seen = current.description ?? '';
        const lease = this.codec.parse(seen);
        if (lease !== undefined && lease.expiresAt > now) {
            if (lease.holder !== holder)
                return { acquired: false, ...lease };
            if (seen !== description)
                await this.setDescription('acquireLock', name, description);
            return mine;
        }
        const fence = this.codec.fenceName(name, seen);
        if (!(await this.createLabel('acquireLock', {
            name: fence,
            color: this.lockColor,
            description: fenceDescription(name, seen),
        }))) {
            return this.leaseOf(await this.readLabel('acquireLock', name));
        }
        this.fences.set(name, fence);
        if (await this.setDescription('acquireLock', name, description))
            return mine;
        // The expired holder released the lock meanwhile: compete for it like any newcomer.
        return this.createOrReport(lock, mine);
    }
    /** Creates the lock label (ONE request), or reads who holds it when someone else created it first (one more). */
    async createOrReport(lock, mine) {
        if (await this.createLabel('acquireLock', lock))
            return mine;
        return this.leaseOf(await this.readLabel('acquireLock', lock.name));
    }
    /**
     * 2 requests (GET, PATCH). Only the holder of a lease still valid at `now` may renew it: once it has expired,
     * another run may be taking it over, and the holder must go through acquireLock like anyone else.
     */
    async renewLock(name, holder, expiresAt, now) {
        this.checkLabelName('renewLock', name);
        const description = this.describeLease('renewLock', holder, expiresAt);
        const lease = this.codec.parse((await this.readLabel('renewLock', name))?.description ?? '');
        if (lease === undefined || lease.holder !== holder || lease.expiresAt <= now)
            return false;
        return this.setDescription('renewLock', name, description);
    }
    /**
     * 2 requests (GET, DELETE), plus one to delete the fence when this instance took the lock over. True when we
     * held the lock and deleted it; false when someone else holds it or it is already gone.
     *
     * ONE request (the DELETE) when `heldUntil`, the expiry of the lease this holder was granted, is more than
     * RELEASE_MARGIN_MS away: nobody takes a lease over before it expires, so the lock is still ours and reading it
     * first tells nothing. The margin covers the clocks of two runners.
     */
    async releaseLock(name, holder, heldUntil) {
        this.checkLabelName('releaseLock', name);
        const surelyOurs = heldUntil !== undefined && heldUntil.getTime() - this.clock().getTime() > RELEASE_MARGIN_MS;
        if (!surelyOurs) {
            const lease = this.codec.parse((await this.readLabel('releaseLock', name))?.description ?? '');
            if (lease === undefined || lease.holder !== holder)
                return false;
        }
        const released = await this.deleteLabelAs('releaseLock', name);
        // Racers that read the expired lease we took over have long finished by now; the fence can go.
        const fence = this.fences.get(name);
        if (fence !== undefined) {
            this.fences.delete(name);
            await this.deleteLabelAs('releaseLock', fence);
        }
        return released;
    }
}
function summaryOf(item) {
    return {
        number: item.number,
        open: item.state === 'open',
        labels: labelNames(item.labels),
        createdAt: new Date(item.created_at),
        author: item.user?.login ?? '',
    };
}
function commentOf(comment) {
    return {
        id: comment.id,
        body: comment.body ?? '',
        author: comment.user?.login ?? '',
        createdAt: new Date(comment.created_at),
        updatedAt: new Date(comment.updated_at),
    };
}
function deploymentOf(deployment) {
    return {
        id: deployment.id,
        ref: deployment.ref,
        sha: deployment.sha,
        environment: deployment.environment,
        description: deployment.description ?? null,
        createdAt: new Date(deployment.created_at),
    };
}

;// CONCATENATED MODULE: ./src/orchestrator/dry-run.ts

// TEST-NET-1 (RFC 5737): a valid address that can never be a real environment.
const DRY_ADDRESS = { host: '192.0.2.1', port: 8080 };
const DRY_URL = 'http://192.0.2.1:8080';
/** GitHub with every write replaced by a log line: the run still reads the real PR to decide. */
function dry_run_dryRunGitHub(real, log) {
    const say = (what) => log.info(`dry run (github): would ${what}`);
    return {
        repo: real.repo,
        getPullRequest: (number) => real.getPullRequest(number),
        listPullRequestCommits: (number) => real.listPullRequestCommits(number),
        listRepoLabels: () => real.listRepoLabels(),
        getLabelDefinition: (name) => real.getLabelDefinition(name),
        searchPullRequests: (query) => real.searchPullRequests(query),
        listLabelCarriers: (name) => real.listLabelCarriers(name),
        getPermission: (login) => real.getPermission(login),
        findComment: (number, marker) => real.findComment(number, marker),
        listDeployments: (filter) => real.listDeployments(filter),
        async addLabels(number, names) {
            say(`add to #${number}: ${names.join(', ')}`);
            return undefined;
        },
        async removeLabel(number, name) {
            say(`remove from #${number}: ${name}`);
            return true;
        },
        async ensureLabelDefinitions(definitions) {
            say(`create or update ${definitions.length} repository labels`);
            return { created: [], updated: [] };
        },
        async deleteRepoLabel(name) {
            say(`delete the repository label ${name}`);
            return true;
        },
        async upsertComment(number) {
            say(`update the status comment of #${number}`);
            return { id: 0, outcome: 'unchanged' };
        },
        async createComment(number) {
            say(`comment on #${number}`);
            return { id: 0 };
        },
        async reactToComment(commentId, content) {
            say(`react ${content} to comment ${commentId}`);
        },
        async createDeployment(request) {
            say(`create a deployment of ${request.ref} to ${request.environment}`);
            return {
                id: 0,
                ref: request.ref,
                sha: request.ref,
                environment: request.environment,
                description: null,
                createdAt: new Date(0),
            };
        },
        async createDeploymentStatus(id, status) {
            say(`set deployment ${id} to ${status.state}`);
        },
        async acquireLock(name, holder, expiresAt) {
            say(`take the lock ${name}`);
            return { acquired: true, holder, expiresAt };
        },
        async renewLock(name) {
            say(`renew the lock ${name}`);
            return true;
        },
        async releaseLock(name) {
            say(`release the lock ${name}`);
            return true;
        },
    };
}
/** ECS that creates and deletes nothing and reads nothing: a dry run must not even need AWS credentials. */
function dry_run_dryRunEcs(log) {
    const say = (what) => log.info(`dry run (aws): would ${what}`);
    return {
        async createEnvironment(spec) {
            say(`create the service of PR #${spec.pr} at ${spec.sha.slice(0, 7)} with ${spec.image}`);
            return {
                serviceName: 'dry-run',
                taskDefinitionArn: 'dry-run',
                address: DRY_ADDRESS,
                url: DRY_URL,
            };
        },
        async updateConfiguration(spec) {
            say(`update the configuration of PR #${spec.pr} at ${spec.sha.slice(0, 7)}`);
            return {
                serviceName: 'dry-run',
                taskDefinitionArn: 'dry-run',
                address: DRY_ADDRESS,
                url: DRY_URL,
            };
        },
        async deleteEnvironment(pr, sha) {
            say(`delete the service of PR #${pr} at ${sha.slice(0, 7)}`);
            return { deleted: [], alreadyGone: [], failed: [] };
        },
        async listManagedServices() {
            say('list the managed services (none listed in a dry run)');
            return [];
        },
        async currentAddresses() {
            say("read the services' task addresses (none in a dry run)");
            return new Map();
        },
        async sleepEnvironment(pr, sha) {
            say(`scale the service of PR #${pr} at ${sha.slice(0, 7)} to zero`);
        },
        async wakeEnvironment(pr, sha) {
            say(`scale the service of PR #${pr} at ${sha.slice(0, 7)} back to one task`);
            return { serviceName: 'dry-run', taskDefinitionArn: 'dry-run', address: DRY_ADDRESS, url: DRY_URL };
        },
    };
}
/** The image registry, unread and untouched: no tag is found, so teardown deletes none. */
function dry_run_dryRunImages(log) {
    return {
        repository: 'the image repository (dry run)',
        async findTag(tag) {
            log.info(`dry run (aws): would look up and delete the image tag ${tag}`);
            return undefined;
        },
        async deleteTag(tag) {
            log.info(`dry run (aws): would delete the image tag ${tag}`);
            return 'already-gone';
        },
        async listTagged() {
            return [];
        },
    };
}
/** Admin passwords that are never written: the task definition still names where the parameter would be. */
function dry_run_dryRunPasswords(log) {
    const repo = { owner: 'dry-run', repo: 'dry-run' };
    return {
        name: (pr, sha7) => passwordName(repo, pr, sha7),
        async create(pr, sha7) {
            log.info(`dry run (aws): would write the admin password of PR #${pr} at ${sha7}`);
            return passwordName(repo, pr, sha7);
        },
        async delete(pr, sha7) {
            log.info(`dry run (aws): would delete the admin password of PR #${pr} at ${sha7}`);
            return 'already-gone';
        },
        async list() {
            return [];
        },
    };
}
/** Where a dry run's target group would be; never sent anywhere. */
const DRY_RUN_TARGET_GROUP = 'arn:aws:elasticloadbalancing:dry-run:000000000000:targetgroup/dry-run/0';
/**
 * The router of a dry run: it writes nothing and reads nothing (a dry run needs no AWS credentials), says what it
 * would do, and reports the new environment healthy so that the rest of the run can be shown.
 */
function describeHost(target) {
    return target.sha7 === undefined
        ? `PR #${target.pr}'s host`
        : `the host of PR #${target.pr} at ${target.sha7}`;
}
function dry_run_dryRunRouter(log) {
    const say = (what) => log.info(`dry run (aws): would ${what}`);
    return {
        async ensureTargetGroup(environment) {
            say(`make the target group of PR #${environment.pr} at ${environment.sha7}`);
            return DRY_RUN_TARGET_GROUP;
        },
        async targetHealth(targetGroupArn) {
            say(`read the target health of ${targetGroupArn}`);
            return [{ id: 'dry-run', state: 'healthy' }];
        },
        async route(target, targetGroupArn) {
            say(`route ${describeHost(target)} to ${targetGroupArn}`);
            return 'created';
        },
        async ruleOf(target) {
            say(`look up the listener rule of ${describeHost(target)} (none in a dry run)`);
            return undefined;
        },
        async removeRoute(target) {
            say(`delete the listener rule of ${describeHost(target)}`);
            return 0;
        },
        async deleteRule(rule) {
            say(`delete the listener rule for ${rule.host}`);
            return 'gone';
        },
        async deleteTargetGroup(targetGroupArn) {
            say(`delete the target group ${targetGroupArn}`);
            return 'gone';
        },
        async targetGroupOf(pr, sha7) {
            say(`look up the target group of PR #${pr} at ${sha7} (none in a dry run)`);
            return undefined;
        },
        async removeTargetGroup(pr, sha7) {
            say(`delete the target group of PR #${pr} at ${sha7}`);
            return 'gone';
        },
        async listManaged() {
            say('list the managed listener rules and target groups (none listed in a dry run)');
            return { rules: [], targetGroups: [] };
        },
        async checkThrough(host, url) {
            say(`check ${url} through the load balancer as ${host} (healthy in a dry run)`);
            return { healthy: true, attempts: 0, elapsedMs: 0 };
        },
    };
}

;// CONCATENATED MODULE: ./src/orchestrator/wiring.ts
// Builds the adapters from the settings and the runner's environment. The only place that knows which class
// implements which port.










function repositoryOf(env) {
    const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(env.GITHUB_REPOSITORY ?? '');
    if (!match?.[1] || !match[2]) {
        throw new Error(`GITHUB_REPOSITORY is "${env.GITHUB_REPOSITORY ?? ''}"; expected owner/name (set by the runner)`);
    }
    return { owner: match[1], repo: match[2] };
}
/** The plan actions whose run step talks to ECS: only for these is the SDK loaded ahead of its first use. */
const wiring_ECS_ACTIONS = new Set([
    'create',
    'rolling-update',
    'redeploy-config',
    'stop',
    'sleep',
    'wake',
]);
/**
 * The image store for image-repository: the stack's ECR repository when the input is empty (the default), the named
 * ECR repository, or none for any other registry (Docker Hub, GHCR: their tags are not deleted by the action).
 */
function imageStoreFor(settings) {
    const { aws } = settings;
    const repository = settings.docker.imageRepository;
    const target = repository === '' ? { region: aws.region, name: DEFAULT_ECR_REPOSITORY } : parseEcrRepository(repository);
    if (target === undefined)
        return undefined;
    // The ECR SDK loads with the first call: most steps (a label, a comment) never make one.
    return lazyImageStore(ecrRepositoryLabel(target), async () => {
        const ecr = await Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(861), __nccwpck_require__.e(249), __nccwpck_require__.e(663)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8663));
        return new ecr.EcrImageStore(ecr.createEcrClient({ region: target.region, endpoint: aws.endpoint }), target);
    });
}
/** The builder is made on first use: an empty image-repository is resolved (one ECR call) only for a build. */
function lazyBuilder(create) {
    let builder;
    return { ensureImage: async (request) => (await (builder ??= create())).ensureImage(request) };
}
/**
 * The registry port of the split form. SHOWTIME_INSECURE_REGISTRY names a test registry on the loopback interface
 * that speaks plain HTTP; the adapter ignores it for every other host.
 */
function wiring_createRegistry(settings, env, log) {
    if (settings.dryRun.docker)
        return dryRunRegistry(log);
    return new SkopeoRegistry({ insecureLoopback: env.SHOWTIME_INSECURE_REGISTRY, log });
}
function dockerBuilderSettings(settings, workspace, imageRepository = settings.docker.imageRepository) {
    // What the inputs alone do not say: where the workspace is, and the repository an ECR lookup may have filled in.
    return { ...settings.docker, imageRepository, context: external_node_path_default().resolve(workspace, settings.docker.context) };
}
/** The split form's build job: docker runs with the job's environment minus the runner's internal tokens. */
function createArchiveBuilder(settings, env, imageRepository) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    return new DockerArchiveBuilder(dockerBuilderSettings(settings, workspace, imageRepository), {
        env: buildEnvironment(env),
    });
}
function wiring_createDeps(settings, env, log, options = {}) {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const github = new OctokitGitHub({
        token: settings.githubToken,
        baseUrl: env.GITHUB_API_URL,
        repo: repositoryOf(env),
        lockCodec: LOCK_CODEC,
        // Writes and searches are paced inside GitHub's documented limits (github/pacing.ts); off for the tests.
        pacing: env.SHOWTIME_GITHUB_PACING !== 'off',
        delayUnitMs: env.SHOWTIME_GITHUB_DELAY_UNIT_MS ? Number(env.SHOWTIME_GITHUB_DELAY_UNIT_MS) : undefined,
        log: (message) => log.warning(message),
    });
    const aws = settings.aws;
    const images = settings.dryRun.aws ? dryRunImages(log) : imageStoreFor(settings);
    const repo = repositoryOf(env);
    let ssm;
    const loadPasswords = () => (ssm ??= Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(861), __nccwpck_require__.e(736), __nccwpck_require__.e(332)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8332)).then((m) => new m.SsmPasswordStore(m.createSsmClient(aws), repo)));
    const passwords = settings.dryRun.aws
        ? dryRunPasswords(log)
        : lazyPasswordStore((pr, sha7) => passwordName(repo, pr, sha7), loadPasswords);
    if (options.preloadAws && !settings.dryRun.aws)
        preloadEcsDuringFirstRequest();
    // ECS settings (template, network) are built and checked only when a run first talks to ECS (AwsSettings.ecs): a
    // label event that needs no deploy must not fail on a deploy input.
    const ecs = settings.dryRun.aws
        ? dryRunEcs(log)
        : lazyEcsBackend(() => aws.ecs(workspace), 
        // The adapter gets the loaded store, so that it counts the SSM calls with its own.
        async () => ({ log: (message) => log.info(message), passwords: await loadPasswords() }));
    const router = aws.router === undefined
        ? undefined
        : settings.dryRun.aws
            ? dryRunRouter(log)
            : lazyRouter(aws.router, aws);
    const docker = settings.docker;
    const imageRepository = async () => docker.imageRepository === '' && docker.existingImage === undefined && !settings.dryRun.docker
        ? Promise.all(/* import() */[__nccwpck_require__.e(118), __nccwpck_require__.e(861), __nccwpck_require__.e(249), __nccwpck_require__.e(663)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8663)).then((ecr) => ecr.resolveEcrRepositoryUri(ecr.createEcrClient(aws), DEFAULT_ECR_REPOSITORY))
        : docker.imageRepository;
    const builder = options.builder ??
        lazyBuilder(async () => createDockerBuilder(dockerBuilderSettings(settings, workspace, await imageRepository())));
    return {
        settings,
        github: settings.dryRun.github ? dryRunGitHub(github, log) : github,
        ecs,
        builder,
        images,
        passwords,
        ...(router ? { router } : {}),
        clock: () => new Date(),
        log,
        run: runInfoFromEnv(env),
    };
}

;// CONCATENATED MODULE: ./src/orchestrator/entry.ts
// The entrypoints' bodies: read settings and the event, build the adapters, call the orchestration, report. Kept
// here (not in src/entrypoints) so the two-line entry files stay trivially bundleable.












const entry_readInput = (name) => getInput(name);
function readEvent(env) {
    const name = env.GITHUB_EVENT_NAME;
    const file = env.GITHUB_EVENT_PATH;
    if (!name || !file)
        throw new Error('GITHUB_EVENT_NAME and GITHUB_EVENT_PATH are not set: run this as a GitHub Action');
    try {
        return { name, payload: JSON.parse(readFileSync(file, 'utf8')) };
    }
    catch (error) {
        throw new Error(`the event payload ${file} is not readable JSON: ${messageOf(error)}`);
    }
}
/**
 * The plan step of the one-job form, and the plan job of the split form (plan/action.yml sets SHOWTIME_JOB=plan):
 * there it reads the plan action's inputs, looks the image up before any checkout, and hands its record on as the
 * `plan` output.
 */
async function planEntrypoint(env = process.env) {
    try {
        const split = env.SHOWTIME_JOB === 'plan';
        const settings = readSettings(split ? 'plan' : 'main', entry_readInput);
        const event = readEvent(env);
        const deps = createDeps(settings, env, actionsLog);
        if (split && settings.docker.imageRepository === '') {
            // The one-job form looks the stack's ECR repository up with its AWS role; the plan job has none.
            throw new Error("input 'image-repository' is empty; the plan and deploy jobs need the repository's URI, e.g. the stack's " +
                'ImageRepositoryUri output (<account>.dkr.ecr.<region>.amazonaws.com/superset-showtime-pr)');
        }
        let record = await planStep(deps, event.name, event.payload);
        if (split) {
            record = await planImage(record, settings.docker, createRegistry(settings, env, actionsLog), actionsLog);
            core.setOutput('plan', encodePlanRecord(record));
            core.setOutput('image-tag', buildJobNeeded(record) ? (record.image?.tag ?? '') : '');
        }
        const file = path.join(env.RUNNER_TEMP ?? os.tmpdir(), `showtime-plan-${env.GITHUB_RUN_ID ?? process.pid}.json`);
        writeFileSync(file, JSON.stringify(record, null, 2));
        core.debug(debugPlanRecord(record));
        const first = record.decisions[0];
        for (const decision of record.decisions)
            core.info(`plan: ${decision.action} (${decision.reason}): ${decision.message}`);
        core.setOutput('plan-file', file);
        core.setOutput('action', first?.action ?? 'nothing');
        core.setOutput('reason', first?.reason ?? '');
        core.setOutput('pr-number', record.pr ?? '');
        core.setOutput('target-sha', record.targetSha ?? '');
        core.setOutput('build-needed', String(split ? buildJobNeeded(record) : record.buildNeeded && !settings.docker.existingImage));
    }
    catch (error) {
        core.setFailed(`showtime plan: ${messageOf(error)}`);
    }
}
async function runEntrypoint(env = process.env) {
    try {
        const file = env.SHOWTIME_PLAN_FILE;
        if (!file)
            throw new Error('SHOWTIME_PLAN_FILE is not set: the run step follows the plan step of action.yml');
        const record = readPlanRecord(readFileSync(file, 'utf8'), `the plan file ${file}`);
        core.debug(debugPlanRecord(record));
        const settings = readSettings('main', entry_readInput);
        const preloadAws = record.decisions.some((decision) => ECS_ACTIONS.has(decision.action));
        const deps = createDeps(settings, env, actionsLog, { preloadAws });
        await entry_report(record, await runStep(deps, record), env);
    }
    catch (error) {
        core.setFailed(`showtime run: ${messageOf(error)}`);
    }
}
/** The outputs, summary and exit status of a run step (one-job form) or a deploy job (split form). */
async function entry_report(record, outcome, env) {
    core.setOutput('action', outcome.action);
    core.setOutput('reason', outcome.reason);
    core.setOutput('pr-number', record.pr ?? '');
    core.setOutput('target-sha', outcome.targetSha ?? '');
    core.setOutput('build-needed', String(record.buildNeeded));
    core.setOutput('environment-url', outcome.url ?? '');
    core.setOutput('status', outcome.status ?? 'none');
    if (env.GITHUB_STEP_SUMMARY)
        await core.summary.addRaw(outcome.summary).write();
    if (outcome.failed)
        core.setFailed(`showtime: ${outcome.reason}: see the PR's status comment`);
}

;// CONCATENATED MODULE: ./src/orchestrator/plan-record.ts
/** Version of the plan record; a reader refuses any other (the plan and the run or deploy of different releases). */
const PLAN_VERSION = 2;
function plan_record_record(decisions, extra = {}) {
    const build = decisions.find((decision) => decision.buildNeeded);
    return {
        version: PLAN_VERSION,
        decisions,
        commandErrors: [],
        buildNeeded: build !== undefined && extra.claim !== undefined,
        targetSha: build?.targetSha ?? decisions[0]?.targetSha,
        ...extra,
    };
}
/** The record as the plan job's `plan` output carries it. */
function plan_record_encodePlanRecord(record) {
    return JSON.stringify(record);
}
/** Parses a plan record, refusing one of another version or shape with a message that says what to fix. */
function plan_record_readPlanRecord(text, source) {
    if (text.trim() === '') {
        // GitHub also empties a job output that contains the value of a secret, without failing the job.
        throw new Error(`${source} is empty: pass the plan job's \`plan\` output (needs.plan.outputs.plan); if it is passed, ` +
            "look for a 'Skip output' warning in the plan job: GitHub drops an output that contains a secret's value");
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new Error(`${source} is not JSON: pass the plan job's \`plan\` output (needs.plan.outputs.plan) unchanged`);
    }
    const record = parsed;
    if (record === null || typeof record !== 'object')
        throw new Error(`${source} is not a plan record`);
    if (record.version !== PLAN_VERSION) {
        throw new Error(`${source} is a plan record of version ${JSON.stringify(record.version)}; this release reads version ` +
            `${PLAN_VERSION}: use the plan, build and deploy actions of one release`);
    }
    if (!Array.isArray(record.decisions) || !Array.isArray(record.commandErrors)) {
        throw new Error(`${source} lacks its decisions: it is not a plan record`);
    }
    const positive = (value) => Number.isSafeInteger(value) && value > 0;
    if (record.statusCommentId !== undefined && !positive(record.statusCommentId)) {
        throw new Error(`${source}: statusCommentId must be a positive integer (a comment id), got ${JSON.stringify(record.statusCommentId)}`);
    }
    const pull = record.pull;
    if (pull !== undefined &&
        (pull === null ||
            typeof pull !== 'object' ||
            pull.number !== record.pr ||
            typeof pull.open !== 'boolean' ||
            typeof pull.fromFork !== 'boolean' ||
            !/^[0-9a-f]{40}$/.test(String(pull.headSha)) ||
            !Array.isArray(pull.labels) ||
            !pull.labels.every((label) => typeof label === 'string') ||
            Number.isNaN(Date.parse(String(pull.createdAt))))) {
        throw new Error(`${source}: pull must be the PR the record is about, with its number, 40-hex headSha, open, fromFork, labels and createdAt`);
    }
    return record;
}
/**
 * The record for the run's debug log (shown with ACTIONS_STEP_DEBUG): everything but the quoted lines of command
 * errors, which repeat what someone wrote in a comment.
 */
function plan_record_debugPlanRecord(record) {
    return `plan record: ${JSON.stringify({ ...record, commandErrors: record.commandErrors.length })}`;
}

;// CONCATENATED MODULE: ./src/orchestrator/split-entry.ts
// The build and deploy jobs of the split form (the plan job is planEntrypoint with SHOWTIME_JOB=plan).














/** Where the archive is written (build job) and downloaded to (deploy job): outside any checkout. */
function archiveDir(env) {
    return env.SHOWTIME_ARCHIVE_DIR || external_node_path_default().join(env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), 'showtime-image');
}
/**
 * The untrusted job: builds the claimed commit into an OCI archive and reports its digest. It refuses to start while
 * it can see any credential, so a workflow that hands it one fails loudly instead of exposing it to the PR's code.
 */
async function buildEntrypoint(env = process.env) {
    try {
        const held = credentialsIn(env);
        if (held.length > 0) {
            throw new Error(`the build job can see credentials it must not hold: ${held.join(', ')}. It builds the pull request's ` +
                'code: give it no secrets, no id-token, no GitHub token and no registry login (README: security model)');
        }
        const settings = settings_readSettings('build', entry_readInput);
        const record = plan_record_readPlanRecord(getInput('plan'), "input 'plan'");
        debug(plan_record_debugPlanRecord(record));
        const request = handover_buildRequestOf(record);
        const tag = record.image?.tag;
        if (request === undefined || tag === undefined || !handover_buildJobNeeded(record)) {
            throw new Error("the plan asks for no build: run the build job only when needs.plan.outputs.build-needed == 'true'");
        }
        // The plan named the image; the build job takes no image-repository of its own (nothing to disagree with).
        const repository = tag.slice(0, tag.lastIndexOf(':'));
        const archive = await createArchiveBuilder(settings, env, repository).buildArchive(request, tag, external_node_path_default().join(archiveDir(env), archive_ARCHIVE_FILE));
        if (archive)
            info(`The image archive is ${archive.bytes} bytes, ${archive.digest}.`);
        setOutput('archive-path', archive?.path ?? '');
        setOutput('archive-digest', archive?.digest ?? '');
        setOutput('archive-bytes', String(archive?.bytes ?? 0));
    }
    catch (error) {
        setFailed(`showtime build: ${context_messageOf(error)}`);
    }
}
/**
 * The trusted job: checks the archive against the build job's digest, pushes it, and carries the plan out as the
 * one-job form's run step does; the image is deployed by digest.
 */
async function deployEntrypoint(env = process.env) {
    try {
        const settings = readSettings('deploy', readInput);
        const record = readPlanRecord(core.getInput('plan'), "input 'plan'");
        core.debug(debugPlanRecord(record));
        const handover = readHandoverInputs((name) => core.getInput(name));
        const request = buildRequestOf(record);
        if (request && record.image && record.image.tag !== imageTag(settings.docker.imageRepository, request)) {
            throw new Error(`the plan named the image ${record.image.tag}, but this job's image-repository is ` +
                `${settings.docker.imageRepository}: give the plan and deploy jobs the same image-repository`);
        }
        const image = new HandedOverImage({
            imageRepository: settings.docker.imageRepository,
            existingImage: settings.docker.existingImage,
            archive: path.join(archiveDir(env), ARCHIVE_FILE),
            archiveDigest: handover.archiveDigest,
            buildResult: handover.buildResult,
            knownDigest: record.image?.digest,
        }, createRegistry(settings, env, actionsLog));
        const deps = createDeps(settings, env, actionsLog, { builder: image });
        const outcome = await runStep(deps, record);
        core.setOutput('image', image.deployed ?? '');
        await report(record, outcome, env);
    }
    catch (error) {
        core.setFailed(`showtime deploy: ${messageOf(error)}`);
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(6759);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
